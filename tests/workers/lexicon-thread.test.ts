import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { LexiconError, loadLexiconBundle } from '../../src/lexicon/index.js';
import { bundledLexiconDir } from '../../src/paths.js';
import { buildOnce, REPO } from '../helpers/cli.js';

// The worker side needs compiled modules, so the loader under test is the compiled one too.
let loadLexiconsInThread: typeof import('../../src/workers/lexicon-thread.js').loadLexiconsInThread;
let CompiledLexiconError: typeof LexiconError;

beforeAll(async () => {
  buildOnce();
  ({ loadLexiconsInThread } = (await import(pathToFileURL(join(REPO, 'dist/src/workers/lexicon-thread.js')).href)) as typeof import('../../src/workers/lexicon-thread.js'));
  ({ LexiconError: CompiledLexiconError } = (await import(pathToFileURL(join(REPO, 'dist/src/lexicon/index.js')).href)) as typeof import('../../src/lexicon/index.js'));
});

describe('lexicons loaded in a worker thread', () => {
  it('give the bundle this thread loads', async () => {
    const here = loadLexiconBundle(bundledLexiconDir());
    const there = await loadLexiconsInThread(bundledLexiconDir(), 2);
    expect(there.sha256).toBe(here.sha256);
    // Strict: prototypes too (the loader's dictionaries have none; a copy from a thread would).
    expect(isDeepStrictEqual(there, here)).toBe(true);
    expect(Object.getPrototypeOf(there.concepts[0]!.axes)).toBeNull();
  }, 30_000);

  it('fail with the same problems, file and line, as a LexiconError', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'framescope-lexthread-'));
    cpSync(bundledLexiconDir(), dir, { recursive: true });
    writeFileSync(join(dir, 'broken.yaml'), 'lexicon: broken\nlabel: Broken\nconcepts:\n  - id: Not An Id\n    frame: x\n');
    let expected: string[] = [];
    try {
      loadLexiconBundle(dir);
    } catch (error) {
      expected = (error as LexiconError).problems;
    }
    expect(expected.length).toBeGreaterThan(0);
    const failure = await loadLexiconsInThread(dir, 2).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(CompiledLexiconError);
    expect((failure as LexiconError).problems).toEqual(expected);
  }, 30_000);

  it('refuses a folder that does not exist at once, without a thread', async () => {
    await expect(loadLexiconsInThread(join(tmpdir(), 'no-such-lexicon-folder'), 2)).rejects.toThrow(/not a folder/);
  });
});
