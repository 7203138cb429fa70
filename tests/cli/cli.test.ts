import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { buildOnce, CLI, REPO, runFramescope, SHARED, tempDir } from '../helpers/cli.js';

const OUTPUT_FILES = [
  'articles.jsonl', 'articles.csv', 'matches.csv', 'outlets.csv', 'outlet_concepts.csv', 'contrasts.csv',
  'keyness.csv', 'clusters.csv', 'events.csv', 'versions.csv', 'skipped.csv', 'report.md', 'run.json',
];

function expectEveryOutput(dir: string): void {
  for (const name of OUTPUT_FILES) {
    expect(existsSync(join(dir, name)), `${name} exists`).toBe(true);
    expect(statSync(join(dir, name)).size, `${name} is non-empty`).toBeGreaterThan(0);
  }
  expect(readdirSync(dir).some((name) => name.endsWith('.svg'))).toBe(true);
}

beforeAll(() => buildOnce());

describe('framescope CLI', () => {
  it('prints help with the commands and exits 0', () => {
    const result = runFramescope(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('framescope analyze <paths…> --out <dir>');
    expect(result.stdout).toContain('lexicon check');
  });

  it('prints the same help after any command, for --help and -h, and exits 0', () => {
    for (const args of [['analyze', '--help'], ['kwic', '--help'], ['lexicon', '--help'], ['lexicon', 'check', '-h'], ['lexicon', 'export', '--csv', '--help']]) {
      const result = runFramescope(args);
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stderr, args.join(' ')).toBe('');
      expect(result.stdout, args.join(' ')).toContain('Options for kwic:');
      expect(result.stdout).toContain('--width <n>');
    }
  });

  it('runs as `npx framescope` from the package folder', () => {
    const result = spawnSync('npx', ['--no-install', 'framescope', '--version'], { cwd: REPO, encoding: 'utf8' });
    expect(result.stderr).not.toContain('Permission denied');
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
    const result = runFramescope(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(version);
  });

  it('exits 1 naming a sole input that does not exist', () => {
    const out = join(tempDir(), 'out');
    const result = runFramescope(['analyze', 'no/such/corpus.txt', '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no/such/corpus.txt');
    expect(existsSync(out)).toBe(false);
  });

  it('exits 1 on an unknown option, without a stack trace', () => {
    const result = runFramescope(['analyze', 'corpora/demo', '--out', join(tempDir(), 'o'), '--nope']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/framescope: .*--nope/);
    expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('refuses an --out folder it did not write, unless --force', () => {
    const out = tempDir();
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const refused = runFramescope(['analyze', join(SHARED, 'seeds'), '--out', out, '--quiet']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--force');
    const forced = runFramescope(['analyze', join(SHARED, 'seeds'), '--out', out, '--quiet', '--force']);
    expect(forced.code).toBe(0);
  });

  it('writes every output file for the demo corpus, and may write there again', () => {
    const out = join(tempDir(), 'demo');
    const first = runFramescope(['analyze', 'corpora/demo', '--out', out]);
    expect(first.stderr).not.toContain('internal error');
    expect(first.code).toBe(0);
    expectEveryOutput(out);
    const again = runFramescope(['analyze', 'corpora/demo', '--out', out, '--quiet']);
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('');
  });

  it('writes every output file for the five seed pages', () => {
    const out = join(tempDir(), 'seeds');
    const result = runFramescope(['analyze', join(SHARED, 'seeds'), '--out', out, '--quiet']);
    expect(result.code).toBe(0);
    expectEveryOutput(out);
    const ids = readFileSync(join(out, 'articles.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { id: string }).id);
    for (const stem of ['000_2cc4e19ae9909c02', '001_00a9a085779754f5', '002_8b5e4817fd473eb8', '003_2a010a7cc3af768e']) {
      expect(ids).toContain(stem);
    }
    expect(ids).toContain('004_fc87bd2fbd4e3bcf@v4');
  });

  it('lists an unreadable file in skipped.csv and analyses the rest', () => {
    const corpus = tempDir();
    mkdirSync(join(corpus, 'pages'));
    writeFileSync(join(corpus, 'pages', 'empty.txt'), '');
    writeFileSync(
      join(corpus, 'records.jsonl'),
      `${JSON.stringify({ id: 'r1', outlet: 'Example Wire', title: 'Talks resume', lang: 'en', text: 'Delegations met in Geneva on Monday to resume the talks, officials said.' })}\nnot json\n`,
    );
    const out = join(tempDir(), 'out');
    const result = runFramescope(['analyze', corpus, '--out', out]);
    expect(result.code).toBe(0);
    const skipped = readFileSync(join(out, 'skipped.csv'), 'utf8');
    expect(skipped).toContain('empty.txt');
    expect(skipped).toContain('records.jsonl:2');
    expect(result.stderr).toContain('records.jsonl:2');
  });

  it('lexicon check lists file:line problems of a broken lexicon and exits 1', () => {
    const result = runFramescope(['lexicon', 'check', 'tests/fixtures/lexicon/broken']);
    expect(result.code).toBe(1);
    expect(`${result.stdout}${result.stderr}`).toMatch(/broken\/bad\.yaml:\d+: entry kyiv_regime: .* — /);
  });

  it('refuses to analyse with a broken lexicon, naming the problems, and writes nothing', () => {
    const out = join(tempDir(), 'out');
    const result = runFramescope(['analyze', 'corpora/demo', '--lexicons', 'tests/fixtures/lexicon/broken', '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/bad\.yaml:\d+: entry /);
    expect(existsSync(out)).toBe(false);
  });

  it.each(['1', '2'])('names the lexicon problems before a broken outlets.yaml or --manifest (threads %s)', (threads) => {
    // The lexicons load in a worker thread while the inputs are read (src/workers/lexicon-thread.ts):
    // their problems must still come first, as when they were loaded before anything else.
    const lexicons = join(tempDir(), 'lexicons');
    cpSync(join(REPO, 'tests/fixtures/lexicon/broken'), lexicons, { recursive: true });
    writeFileSync(join(lexicons, 'outlets.yaml'), 'outlets:\n  - aliases: [nameless]\n');
    const out = join(tempDir(), 'out');
    const result = runFramescope(['analyze', 'corpora/demo', '--lexicons', lexicons, '--manifest', join(tempDir(), 'missing.csv'), '--out', out, '--threads', threads]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/the lexicons have \d+ problem/);
    expect(result.stderr).toMatch(/bad\.yaml:\d+: entry /);
    expect(result.stderr).not.toMatch(/outlets\.yaml|missing\.csv|internal error/);
  });

  it('ends quietly when its reader closes stdout early (| head)', () => {
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" lexicon export --csv | head -n 2`], { cwd: REPO, encoding: 'utf8' });
    expect(result.stdout.split('\n')[0]).toBe('concept,lang,term,frame,axis,note,source,label,lexicon,kind');
    expect(result.stderr).not.toContain('EPIPE');
  });

  it('lexicon import: a bad or missing sheet is a usage error naming it (exit 1), not an internal one', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.csv'), 'concept,lang,term,kind\na,en,alpha,synonym\n');
    for (const [args, message] of [
      [['lexicon', 'import', join(dir, 'bad.csv')], /bad\.csv:2: kind "synonym"/],
      [['lexicon', 'import', join(dir, 'missing.csv')], /missing\.csv: cannot read it \(ENOENT\)/],
      [['lexicon', 'import', '--entities', join(dir, 'bad.csv')], /bad\.csv:2: kind "synonym"/],
    ] as const) {
      const result = runFramescope([...args]);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/internal error/);
    }
  });

  it('lexicon check passes on the bundled lexicons', () => {
    const result = runFramescope(['lexicon', 'check']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
