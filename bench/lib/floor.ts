/**
 * The floor: the least any analysis of a corpus must cost — read every byte and split it into
 * word tokens (`/[\p{L}\p{N}]+/gu`, CONTRACT.md "Tokens") — measured in the benchmark's own
 * process. framescope's wall time divided by it says how much the pipeline adds on top.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface FloorMeasure {
  ms: number;
  bytes: number;
  tokens: number;
}

/** Read every file under `dir` (dot files excluded, as framescope skips them) and count tokens. */
export function measureFloor(dir: string): FloorMeasure {
  const started = performance.now();
  let bytes = 0;
  let tokens = 0;
  for (const file of listFiles(dir)) {
    const data = readFileSync(file);
    bytes += data.length;
    const text = data.toString('utf8');
    for (const _ of text.matchAll(/[\p{L}\p{N}]+/gu)) tokens++;
  }
  return { ms: performance.now() - started, bytes, tokens };
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listFiles(path));
    else out.push(path);
  }
  return out;
}
