import { cleanCorpus, parseInput } from '../ingest/index.js';
import { compileLexicons, loadLexiconBundle } from '../lexicon/index.js';
import { loadOutlets, readCorpus } from './analyze.js';
import { kwicLines } from './kwic.js';

/** `framescope kwic`: read the paths as `analyze` does, print each hit of the query in context. */
export async function runKwic(
  options: { query: string; paths: string[]; width: number; lexiconDir: string },
  io: { stdout: (text: string) => void; stderr: (line: string) => void },
): Promise<0 | 1> {
  const bundle = loadLexiconBundle(options.lexiconDir);
  const corpus = readCorpus(options.paths, []);
  const docs = corpus.files.flatMap((file) => parseInput(file).docs);
  const { articles } = cleanCorpus(docs, loadOutlets(options.lexiconDir), new Map());
  for (const item of corpus.skipped) io.stderr(`skipped ${item.source}: ${item.reason}`);
  if (articles.length === 0) {
    io.stderr('framescope: nothing could be read from the paths given');
    return 1;
  }
  const lines = kwicLines(articles.filter((a) => a.isLatest), compileLexicons(bundle), options.query, options.width);
  if (lines.length > 0) io.stdout(`${lines.join('\n')}\n`);
  io.stderr(`${lines.length} hit(s) of "${options.query}"`);
  return 0;
}
