/** Ingestion and cleaning: the public API of this stage (see docs and CONTRACT.md "Units and ids"). */
export { parseInput } from './parse-input.js';
export type { ParseOptions } from './parse-input.js';
export { parseManifest } from './manifest.js';
export { parseOutletsYaml } from './outlets.js';
export { cleanCorpus } from '../clean/clean-corpus.js';
export { diffVersions } from './diff-versions.js';
export { detectLanguage } from '../text/detect-language.js';
