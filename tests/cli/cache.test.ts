import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { readChunkedFile, writeChunkedFile } from '../../src/cache/chunked-file.js';
import { buildOnce, REPO, runFramescope, tempDir } from '../helpers/cli.js';

function outputsWithoutRunJson(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir).sort()) if (name !== 'run.json') files.set(name, readFileSync(join(dir, name), 'utf8'));
  return files;
}

function cacheStatus(dir: string): string {
  return (JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as { cache: string }).cache;
}

function counts(dir: string): { articles: number; articles_analysed: number } {
  return (JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as { counts: { articles: number; articles_analysed: number } }).counts;
}

/** Replace `from` by `to` in a lexicon file, failing when `from` is not there. */
function editFile(path: string, from: string, to: string): void {
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${path} has no "${from}"`);
  writeFileSync(path, text.replace(from, to));
}

/**
 * A copy of the bundled lexicons to edit, a cache folder, and `analyze(...options)`: one run over
 * the demo corpus into a new output folder (asserting exit 0), which it returns.
 */
function demoRuns(): { lexicons: string; cacheDir: string; analyze: (...extra: string[]) => string } {
  const lexicons = join(tempDir(), 'lexicons');
  cpSync(join(REPO, 'lexicons'), lexicons, { recursive: true });
  const cacheDir = join(tempDir(), 'cache');
  let run = 0;
  const analyze = (...extra: string[]): string => {
    const target = join(tempDir(), `run${run++}`);
    const result = runFramescope(['analyze', 'corpora/demo', '--lexicons', lexicons, '--out', target, '--quiet', ...extra]);
    expect(result.code, result.stderr).toBe(0);
    return target;
  };
  return { lexicons, cacheDir, analyze };
}

beforeAll(() => buildOnce());

describe('incremental runs', () => {
  it('re-uses parse+clean after a lexicon edit and gives exactly the outputs of a cold run', () => {
    const lexicons = join(tempDir(), 'lexicons');
    cpSync(join(REPO, 'lexicons'), lexicons, { recursive: true });
    const cacheDir = join(tempDir(), 'cache');
    const out = (name: string) => join(tempDir(), name);
    const analyze = (target: string, ...extra: string[]) =>
      runFramescope(['analyze', 'corpora/demo', '--lexicons', lexicons, '--out', target, '--quiet', ...extra]);

    const cold = out('cold');
    expect(analyze(cold, '--cache-dir', cacheDir).code).toBe(0);
    expect(cacheStatus(cold)).toBe('miss');

    const warm = out('warm');
    expect(analyze(warm, '--cache-dir', cacheDir).code).toBe(0);
    expect(cacheStatus(warm)).toBe('hit');
    expect(outputsWithoutRunJson(warm)).toEqual(outputsWithoutRunJson(cold));

    // A lexicon edit: the cached parse+clean must still be used, and the outputs must follow the edit.
    const path = join(lexicons, 'ru-ua.yaml');
    const edited = readFileSync(path, 'utf8').replace(/^version: .*$/m, 'version: 9.9.9-test');
    expect(edited).not.toBe(readFileSync(path, 'utf8'));
    writeFileSync(path, edited);

    const afterEdit = out('after-edit');
    expect(analyze(afterEdit, '--cache-dir', cacheDir).code).toBe(0);
    expect(cacheStatus(afterEdit)).toBe('hit');
    const coldAfterEdit = out('cold-after-edit');
    expect(analyze(coldAfterEdit, '--no-cache').code).toBe(0);
    expect(cacheStatus(coldAfterEdit)).toBe('off');
    expect(outputsWithoutRunJson(afterEdit)).toEqual(outputsWithoutRunJson(coldAfterEdit));
    expect(readFileSync(join(afterEdit, 'report.md'), 'utf8')).toContain('9.9.9-test');
  });

  it('after term, frame, exclude, entity and cue edits, analyses only touched articles and equals a cold run', () => {
    const { lexicons, cacheDir, analyze } = demoRuns();
    const cold = analyze('--cache-dir', cacheDir);
    expect(counts(cold).articles_analysed).toBe(counts(cold).articles);
    const ruUa = join(lexicons, 'ru-ua.yaml');
    const edits: { what: string; apply: () => void; local: boolean }[] = [
      // A new term that many demo articles hold, a new term nobody uses, a frame and an exclude phrase.
      { what: 'terms', apply: () => editFile(ruUa, 'en: [kyiv]', 'en: [kyiv, ceasefire, zzyzx quorble]'), local: true },
      { what: 'frame', apply: () => editFile(ruUa, 'frame: naming\n    axis: { ru_ua: 0.5 }\n    terms:\n      en: [donbass]', 'frame: naming-edited\n    axis: { ru_ua: 0.5 }\n    terms:\n      en: [donbass]'), local: true },
      { what: 'exclude', apply: () => editFile(ruUa, 'en: [chicken kiev, dynamo kiev]', 'en: [chicken kiev, dynamo kiev, the ceasefire]'), local: true },
      // An entity term changes entities, so clusters are made again.
      { what: 'entity', apply: () => editFile(join(lexicons, 'entities.yaml'), 'en: [putin, vladimir putin]', 'en: [putin, vladimir putin, talks]'), local: true },
      // Cue lists are read everywhere: every article is analysed again.
      { what: 'cues', apply: () => editFile(join(lexicons, 'cues', 'en.yaml'), 'reporting_verbs: [said,', 'reporting_verbs: [quibbled, said,'), local: false },
    ];
    let reference = cold;
    for (const edit of edits) {
      edit.apply();
      const warm = analyze('--cache-dir', cacheDir);
      reference = analyze('--no-cache');
      expect(outputsWithoutRunJson(warm), `after the ${edit.what} edit`).toEqual(outputsWithoutRunJson(reference));
      const { articles, articles_analysed } = counts(warm);
      if (edit.local) expect(articles_analysed, `${edit.what}: only touched articles`).toBeLessThan(articles);
      else expect(articles_analysed).toBe(articles);
    }
    expect(readFileSync(join(reference, 'matches.csv'), 'utf8')).toContain('naming-edited');
  });

  it('after a phrase edit, analyses only the articles holding every word of the phrase', () => {
    const { lexicons, cacheDir, analyze } = demoRuns();
    analyze('--cache-dir', cacheDir);
    const ruUa = join(lexicons, 'ru-ua.yaml');
    // "kiev" is in many demo articles, "zzyzx" in none: no article can hold the phrase, so none is
    // matched again (every article holding "kiev" was, when a changed term's first word decided).
    editFile(ruUa, 'en: [kyiv]', 'en: [kyiv, kiev zzyzx]');
    const none = analyze('--cache-dir', cacheDir);
    expect(counts(none).articles_analysed).toBe(0);
    expect(outputsWithoutRunJson(none)).toEqual(outputsWithoutRunJson(analyze('--no-cache')));
    // A phrase whose words the demo holds: the articles holding both are matched again, not all.
    editFile(ruUa, 'kiev zzyzx', 'kiev rejects');
    const some = analyze('--cache-dir', cacheDir);
    const cold = analyze('--no-cache');
    expect(counts(some).articles_analysed).toBeGreaterThan(0);
    expect(counts(some).articles_analysed).toBeLessThan(counts(some).articles);
    expect(outputsWithoutRunJson(some)).toEqual(outputsWithoutRunJson(cold));
    expect(readFileSync(join(cold, 'matches.csv'), 'utf8')).toMatch(/,kiev rejects,/);
  });

  it('stores the clusters again when their entry went missing, even when a small edit keeps the cached analyses', () => {
    const { lexicons, cacheDir, analyze } = demoRuns();
    const clusterEntries = (): string[] => readdirSync(cacheDir).filter((name) => name.startsWith('clusters-') && name.endsWith('.v8'));
    analyze('--cache-dir', cacheDir);
    expect(clusterEntries()).toHaveLength(1);
    const analysisEntry = readdirSync(cacheDir).find((name) => name.startsWith('analysis-'))!;
    const analysisBytes = readFileSync(join(cacheDir, analysisEntry));
    // As after a run killed between storing the analyses and storing the clusters.
    rmSync(join(cacheDir, clusterEntries()[0]!));

    // A term no demo article holds: no article is analysed again, so the cached analyses stay as they are.
    editFile(join(lexicons, 'ru-ua.yaml'), 'en: [kyiv]', 'en: [kyiv, zzyzx quorble]');
    const warm = analyze('--cache-dir', cacheDir);
    expect(counts(warm).articles_analysed).toBe(0);
    expect(readFileSync(join(cacheDir, analysisEntry))).toEqual(analysisBytes);
    expect(clusterEntries()).toHaveLength(1);
    expect(outputsWithoutRunJson(warm)).toEqual(outputsWithoutRunJson(analyze('--no-cache')));
  });

  it('takes the charts and the intervals from the cache when what they are made from is unchanged, and makes them again when it changed', () => {
    const { lexicons, cacheDir, analyze } = demoRuns();
    const cold = analyze('--cache-dir', cacheDir);
    const entry = (kind: string): string => join(cacheDir, readdirSync(cacheDir).find((name) => name.startsWith(`${kind}-`) && name.endsWith('.v8'))!);
    // A version bump changes no hit: the same chart specs and outlet samples. A mark planted in
    // the kept charts, then in the kept intervals, shows that a run took them from the cache.
    const charts = readChunkedFile<unknown, [string, string]>(entry('charts'));
    writeChunkedFile(entry('charts'), charts.header, charts.items.map(([name, svg]) => [name, svg.replace('<svg', '<svg data-planted="1"')]));
    editFile(join(lexicons, 'ru-ua.yaml'), 'version: ', 'version: 9.');
    const sameCharts = analyze('--cache-dir', cacheDir);
    expect(readFileSync(join(sameCharts, 'chart-stance.svg'), 'utf8')).toContain('data-planted="1"');
    expect(readFileSync(join(cold, 'chart-stance.svg'), 'utf8')).not.toContain('data-planted');

    const kept = readChunkedFile<unknown, [string, { stance: { lo: number | null; hi: number | null }[]; concepts: unknown[] }]>(entry('intervals'));
    const planted = kept.items.map(([hash, intervals]) => [hash, { ...intervals, stance: intervals.stance.map((s) => (s.lo === null ? s : { lo: -0.987654, hi: s.hi })) }]);
    writeChunkedFile(entry('intervals'), kept.header, planted);
    editFile(join(lexicons, 'ru-ua.yaml'), 'version: ', 'version: 8.');
    const sameIntervals = analyze('--cache-dir', cacheDir);
    expect(readFileSync(join(sameIntervals, 'outlets.csv'), 'utf8')).toContain('-0.987654');
    expect(readFileSync(join(cold, 'outlets.csv'), 'utf8')).not.toContain('-0.987654');

    // A term many demo articles hold changes the stances: drawn and rendered afresh, as a cold run
    // does (the planted intervals go first: an outlet the edit leaves alone would keep its mark).
    rmSync(entry('intervals'));
    editFile(join(lexicons, 'ru-ua.yaml'), 'en: [kyiv]', 'en: [kyiv, ceasefire]');
    const changed = analyze('--cache-dir', cacheDir);
    expect(readFileSync(join(changed, 'chart-stance.svg'), 'utf8')).not.toContain('data-planted');
    expect(outputsWithoutRunJson(changed)).toEqual(outputsWithoutRunJson(analyze('--no-cache')));
  });

  it('analyses every article again when an edit needs the term counts and their entry is gone', () => {
    const { lexicons, cacheDir, analyze } = demoRuns();
    analyze('--cache-dir', cacheDir);
    const terms = readdirSync(cacheDir).filter((name) => name.startsWith('terms-') && name.endsWith('.v8'));
    expect(terms).toHaveLength(1);
    rmSync(join(cacheDir, terms[0]!));
    // An entity edit: the clusters are made again, which needs every article's term counts.
    editFile(join(lexicons, 'entities.yaml'), 'en: [putin, vladimir putin]', 'en: [putin, vladimir putin, talks]');
    const warm = analyze('--cache-dir', cacheDir);
    expect(counts(warm).articles_analysed).toBe(counts(warm).articles);
    expect(outputsWithoutRunJson(warm)).toEqual(outputsWithoutRunJson(analyze('--no-cache')));
  });

  it('copies articles.jsonl from the cache on a hit (it depends on the cached articles alone), and writes it afresh when the copy is damaged', () => {
    const { cacheDir, analyze } = demoRuns();
    const cold = analyze('--cache-dir', cacheDir);
    // A cold run lets the removed lines go once they are stored, and reads them back for articles.jsonl.
    expect(outputsWithoutRunJson(cold)).toEqual(outputsWithoutRunJson(analyze('--no-cache')));
    expect(readFileSync(join(cold, 'articles.jsonl'), 'utf8')).toMatch(/"removed":\[\{"text"/);
    const copies = readdirSync(cacheDir).filter((name) => /^articles-[0-9a-f]{64}\.jsonl$/.test(name));
    expect(copies).toHaveLength(1);
    const copy = join(cacheDir, copies[0]!);
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(join(cold, 'articles.jsonl'), 'utf8'));

    // Proof that the copy is what a hit uses: a copy changed with its checksum shows in the output.
    const forged = readFileSync(copy, 'utf8').replace('"version":1', '"version":1 ');
    expect(forged).not.toBe(readFileSync(copy, 'utf8'));
    writeFileSync(copy, forged);
    writeFileSync(`${copy}.crc`, `${Buffer.byteLength(forged)} ${crc32(Buffer.from(forged))}\n`);
    expect(readFileSync(join(analyze('--cache-dir', cacheDir), 'articles.jsonl'), 'utf8')).toBe(forged);

    // A copy changed behind its checksum is not used: the file is written again, and kept again.
    writeFileSync(copy, forged.replace('"version":1 ', '"version":2'));
    const rewritten = analyze('--cache-dir', cacheDir);
    expect(cacheStatus(rewritten)).toBe('hit');
    expect(outputsWithoutRunJson(rewritten)).toEqual(outputsWithoutRunJson(cold));
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(join(cold, 'articles.jsonl'), 'utf8'));

    // With a whole copy, a hit never reads the removed lines (their one reader is articles.jsonl);
    // without one, it must, and a read entry without them is a miss.
    const removed = readdirSync(cacheDir).find((name) => name.startsWith('removed-'))!;
    rmSync(join(cacheDir, removed));
    const withoutRemoved = analyze('--cache-dir', cacheDir);
    expect(cacheStatus(withoutRemoved)).toBe('hit');
    expect(outputsWithoutRunJson(withoutRemoved)).toEqual(outputsWithoutRunJson(cold));
    rmSync(copy);
    const neither = analyze('--cache-dir', cacheDir);
    expect(cacheStatus(neither)).toBe('miss');
    expect(outputsWithoutRunJson(neither)).toEqual(outputsWithoutRunJson(cold));
  });

  it('misses the cache when an input changes, and --no-cache writes no cache', () => {
    const corpus = tempDir();
    const record = (text: string) => `${JSON.stringify({ id: 'a1', outlet: 'Example Wire', title: 'Talks', lang: 'en', text })}\n`;
    writeFileSync(join(corpus, 'a.jsonl'), record('Delegations met in Geneva to resume the talks on Monday.'));
    const cacheDir = join(tempDir(), 'cache');
    const first = join(tempDir(), 'o1');
    expect(runFramescope(['analyze', corpus, '--out', first, '--quiet', '--cache-dir', cacheDir]).code).toBe(0);
    writeFileSync(join(corpus, 'a.jsonl'), record('Delegations met in Vienna to resume the talks on Tuesday.'));
    const second = join(tempDir(), 'o2');
    expect(runFramescope(['analyze', corpus, '--out', second, '--quiet', '--cache-dir', cacheDir]).code).toBe(0);
    expect(cacheStatus(second)).toBe('miss');
    expect(readFileSync(join(second, 'articles.jsonl'), 'utf8')).toContain('Vienna');

    const unused = join(tempDir(), 'never-created');
    expect(runFramescope(['analyze', corpus, '--out', join(tempDir(), 'o3'), '--quiet', '--no-cache', '--cache-dir', unused]).code).toBe(0);
    expect(existsSync(unused)).toBe(false);
  });

  it('runs without the cache, saying so, when the cache folder is a file (it was an internal error)', () => {
    const corpus = tempDir();
    writeFileSync(join(corpus, 'a.jsonl'), `${JSON.stringify({ id: 'a1', outlet: 'Example Wire', title: 'Talks', lang: 'en', text: 'Delegations met in Geneva to resume the talks on Monday.' })}\n`);
    const notAFolder = join(tempDir(), 'cache');
    writeFileSync(notAFolder, 'a file where the cache folder should be\n');
    const out = join(tempDir(), 'o');
    const result = runFramescope(['analyze', corpus, '--out', out, '--cache-dir', notAFolder]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`the cache folder ${notAFolder} is not a folder; running without the cache`);
    expect(result.stderr).not.toContain('internal error');
    expect(cacheStatus(out)).toBe('off');
    expect(readFileSync(notAFolder, 'utf8')).toBe('a file where the cache folder should be\n');
  });
});
