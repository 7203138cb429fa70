/**
 * The bundled lexicons (lexicons/) load cleanly and every entry's examples pass. While the content
 * is being written this fails; the message lists each failing example as `file:line: entry …`.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkLexiconExamples, compileLexicons, LexiconError, loadLexiconBundle } from '../../src/lexicon/index.js';

const BUNDLED = fileURLToPath(new URL('../../lexicons/', import.meta.url)).replace(/\/$/, '');

describe('bundled lexicons', () => {
  it('load without problems and pass every example', () => {
    let bundle;
    try {
      bundle = loadLexiconBundle(BUNDLED);
    } catch (error) {
      if (error instanceof LexiconError) expect.fail(`the bundled lexicons have ${error.problems.length} problem(s):\n${error.problems.join('\n')}`);
      throw error;
    }
    expect(bundle.concepts.length).toBeGreaterThan(0);
    expect(Object.keys(bundle.cues).sort()).toEqual(expect.arrayContaining(['ar', 'en']));
    const failures = checkLexiconExamples(bundle, compileLexicons(bundle));
    expect(failures, `${failures.length} failing example(s):\n${failures.join('\n')}`).toEqual([]);
  });
});
