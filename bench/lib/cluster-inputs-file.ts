/**
 * The cached clustering inputs on disk: `[u32 key length][key JSON][u32 header length][header,
 * node:v8 serialized][every doc's term keys, f64][every doc's term counts, u32]` (lengths little
 * endian).
 *
 * Why the term arrays are not inside the v8 payload: the timing child's peak RSS should be the
 * clustering's, so loading should peak as little above the loaded size as it can. `v8.deserialize`
 * copies every typed array out of the file's buffer; read straight into two typed arrays instead,
 * every document's arrays are views into them. Measured on the 10k corpus (25 MB file): RSS after
 * loading 110 MB through plain `v8.deserialize`, 92 MB (peak 94) this way. The header keeps
 * `node:v8` for the strings. The key comes first so the parent can check it without loading.
 */
import { closeSync, openSync, readSync, renameSync, writeSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { ClusterInput } from '../../src/cluster/index.js';
import type { ClusterInputs, ClusterText } from './cluster-inputs.js';

interface Header {
  ids: string[];
  dates: string[];
  langs: string[];
  entities: string[][];
  /** Number of distinct terms per document. */
  termLengths: Uint32Array;
  words: string[];
}

/** Write `inputs` with `key` (what they were built from) to `path`, atomically (temporary file, then rename). */
export function writeClusterInputs(path: string, key: string, inputs: ClusterInputs): void {
  const { docs, words } = inputs;
  const termLengths = Uint32Array.from(docs, (doc) => doc.termCounts.keys.length);
  const header: Header = {
    ids: docs.map((doc) => doc.id), dates: docs.map((doc) => doc.date), langs: docs.map((doc) => doc.lang),
    entities: docs.map((doc) => doc.entities), termLengths, words,
  };
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, withLength(Buffer.from(key, 'utf8')));
    writeSync(fd, withLength(serialize(header)));
    for (const doc of docs) writeAll(fd, bytesOf(doc.termCounts.keys));
    for (const doc of docs) writeAll(fd, bytesOf(doc.termCounts.counts));
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}

/** One JSON line per text (`{id, date, lang, text}`), atomically like the inputs. */
export function writeClusterTexts(path: string, texts: readonly ClusterText[]): void {
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    for (const { id, date, lang, text } of texts) writeAll(fd, Buffer.from(`${JSON.stringify({ id, date, lang, text })}\n`, 'utf8'));
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}

/** The key a cached file was written with, or undefined when there is no readable file. */
export function readClusterInputsKey(path: string): string | undefined {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    return readChunk(fd, 0).bytes.toString('utf8');
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Load cached inputs (see the module comment for why the term arrays are read as two blocks). */
export function readClusterInputs(path: string): { key: string; inputs: ClusterInputs } {
  const fd = openSync(path, 'r');
  try {
    const key = readChunk(fd, 0);
    const headerChunk = readChunk(fd, key.next);
    const header = deserialize(headerChunk.bytes) as Header;
    const total = header.termLengths.reduce((sum, n) => sum + n, 0);
    const keys = new Float64Array(total);
    const counts = new Uint32Array(total);
    readExactly(fd, bytesOf(keys), headerChunk.next);
    readExactly(fd, bytesOf(counts), headerChunk.next + keys.byteLength);
    const docs: ClusterInput[] = [];
    let offset = 0;
    for (const [i, id] of header.ids.entries()) {
      const length = header.termLengths[i] ?? 0;
      docs.push({
        id, date: header.dates[i] ?? '', lang: header.langs[i] ?? '', entities: header.entities[i] ?? [],
        termCounts: { keys: keys.subarray(offset, offset + length), counts: counts.subarray(offset, offset + length) },
      });
      offset += length;
    }
    return { key: key.bytes.toString('utf8'), inputs: { docs, words: header.words } };
  } finally {
    closeSync(fd);
  }
}

function bytesOf(array: Float64Array | Uint32Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

function withLength(bytes: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32LE(bytes.byteLength);
  return Buffer.concat([length, bytes]);
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let written = 0; written < bytes.byteLength; ) written += writeSync(fd, bytes, written);
}

/** A length-prefixed chunk at `position`, and where the next one starts. */
function readChunk(fd: number, position: number): { bytes: Buffer; next: number } {
  const length = Buffer.alloc(4);
  readExactly(fd, length, position);
  const bytes = Buffer.alloc(length.readUInt32LE());
  readExactly(fd, bytes, position + 4);
  return { bytes, next: position + 4 + bytes.byteLength };
}

function readExactly(fd: number, into: Uint8Array, position: number): void {
  for (let done = 0; done < into.byteLength; ) {
    const read = readSync(fd, into, done, into.byteLength - done, position + done);
    if (read === 0) throw new Error('cluster inputs: file ends early (rebuild it: delete the file)');
    done += read;
  }
}
