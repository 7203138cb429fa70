export { analyzeArticle, cutSentence } from './analyze-article.js';
export { checkLexiconExamples } from '../lexicon/examples.js';
