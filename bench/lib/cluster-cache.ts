/**
 * Where a corpus's clustering inputs are cached and when they are stale. Building them (read +
 * match) takes ~20 s at 50k articles; timing the clustering again must not redo that, but inputs
 * made by older reading or matching code would time the wrong thing.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS_MANIFEST } from '../generate-corpus.js';

/** Bump when the cached file's layout or content changes. */
export const INPUTS_FORMAT = 1;

export interface ClusterCachePaths {
  /** `clusterInputsOf` (src/pipeline.ts) output plus the vocabulary (bench/lib/cluster-inputs-file.ts). */
  inputs: string;
  /** The latest articles' texts as JSONL, for scikit-learn. */
  texts: string;
}

/** The cache files of a corpus folder, beside it: `cluster-inputs-<name>.v8` and `cluster-texts-<name>.jsonl`. */
export function clusterCachePaths(corpusDir: string): ClusterCachePaths {
  const name = basename(corpusDir);
  return { inputs: join(dirname(corpusDir), `cluster-inputs-${name}.v8`), texts: join(dirname(corpusDir), `cluster-texts-${name}.jsonl`) };
}

/** This build's source folder: `dist/src` when compiled, `src` under the TypeScript sources. */
export function defaultCodeDir(): string {
  return fileURLToPath(new URL('../../src/', import.meta.url));
}

/**
 * What cached inputs depend on: their format, the corpus (its generator manifest) and the code and
 * lexicons that read and match it. `src/cluster/` is left out on purpose (it is what the
 * benchmark times: a change there must not invalidate the inputs), and so is `src/report/`, which
 * runs after clustering.
 */
export function clusterInputsKey(corpusDir: string, codeDir: string, lexiconDir: string): string {
  const manifestPath = join(corpusDir, CORPUS_MANIFEST);
  const corpus = existsSync(manifestPath) ? createHash('sha256').update(readFileSync(manifestPath)).digest('hex') : 'no-manifest';
  const code = hashTree(codeDir, (path) => !path.startsWith(`cluster${sep}`) && !path.startsWith(`report${sep}`));
  const lexicons = hashTree(lexiconDir, () => true);
  return JSON.stringify({ format: INPUTS_FORMAT, corpus, code, lexicons });
}

/** sha256 over the relative paths and bytes of every file under `dir` that `keep` accepts, in path order. */
function hashTree(dir: string, keep: (relativePath: string) => boolean): string {
  const hash = createHash('sha256');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => keep(path) && statSync(join(dir, path)).isFile())
    .sort();
  for (const path of files) hash.update(`${path}\0`).update(readFileSync(join(dir, path)));
  return hash.digest('hex');
}
