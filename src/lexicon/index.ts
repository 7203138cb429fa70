export { LexiconError } from './errors.js';
export { loadLexiconBundle, parseLexiconFiles } from './load.js';
export type { LoadedCues } from './load.js';
export { compileLexicons } from './compile.js';
export type { CompiledLexicon, CueKind, LabelValue, TermValue } from './compile.js';
export { checkLexiconExamples } from './examples.js';
export { parseTerm } from './terms.js';
