import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileLexicons, LexiconError, loadLexiconBundle, parseLexiconFiles } from '../../src/lexicon/index.js';
import { analyzeArticle } from '../../src/analyze/index.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/lexicon/', import.meta.url));

function problemsOf(dir: string): string[] {
  try {
    loadLexiconBundle(dir);
  } catch (error) {
    if (error instanceof LexiconError) return error.problems;
    throw error;
  }
  throw new Error('expected a LexiconError');
}

describe('loadLexiconBundle', () => {
  it('loads a good folder with concepts, contrasts, entities and (bundled) cues', () => {
    const bundle = loadLexiconBundle(join(FIXTURES, 'good'));
    expect(bundle.concepts.map((c) => c.id).sort()).toEqual(['constructor', 'kiev', 'kiev_regime', 'kyiv', 'nationalists', 'russophobia', 'shelling']);
    expect(bundle.contrasts[0]!.labels).toEqual(['kiev', 'kyiv']);
    expect(bundle.entities.map((e) => e.id)).toEqual(['lavrov', 'konashenkov']);
    expect(bundle.cues.en!.reportingVerbs).toContain('said');
    expect(bundle.cues.ar!.reportingVerbs).toContain('قال');
    expect(bundle.sha256).toMatch(/^[0-9a-f]{64}$/);
    const kiev = bundle.concepts.find((c) => c.id === 'kiev_regime')!;
    expect(kiev.line).toBe(9);
    expect(kiev.file).toMatch(/good\/war\.yaml$/);
    expect(kiev.axes).toEqual({ ru_ua: 1 });
    expect(bundle.lexicons[0]).toMatchObject({ id: 'war_test', version: '0.0.1', concepts: 7 });
  });

  it('reports every problem of the broken fixture with file:line', () => {
    const problems = problemsOf(join(FIXTURES, 'broken'));
    const expectLine = (pattern: RegExp): void => {
      expect(problems.some((p) => pattern.test(p)), `${pattern} in\n${problems.join('\n')}`).toBe(true);
    };
    expectLine(/broken\/bad\.yaml:15: entry kyiv_regime: term "Kiev regime" is also in entry kiev_regime \(line 11\) — keep it in one entry/);
    expectLine(/bad\.yaml:16: entry Bad-Id: id "Bad-Id" is not \[a-z0-9_\]\+/);
    expectLine(/bad\.yaml:20: entry no_axis: axis "syria" is not declared/);
    expectLine(/bad\.yaml:25: entry too_big: axis ru_ua value 2 is out of range/);
    expectLine(/bad\.yaml:33: entry typo: unknown key "exmples" — did you mean "examples"\?/);
    expectLine(/bad\.yaml:38: entry empty_term: empty term/);
    expectLine(/bad\.yaml:42: entry bad_glob: term "\*phob" has a bad glob/);
    expectLine(/bad\.yaml:46: entry regex: term "nazi\(s\)\?" uses regular-expression syntax/);
    expectLine(/bad\.yaml:47: entry no_frame: missing "frame"/);
    expectLine(/bad\.yaml:50: entry kiev_regime: id "kiev_regime" is already used \(.*bad\.yaml:7\)/);
    expectLine(/bad\.yaml:58: entry bad_examples: examples match must be a list/);
    expectLine(/bad\.yaml:60: entry spelling: contrast label "kiyv" is not a concept id/);
    expectLine(/broken\/syntax\.yaml:\d+: YAML syntax:/);
    // Every problem names a file and a line.
    for (const p of problems) expect(p).toMatch(/^\S+\.yaml:\d+: /);
  });

  it('names a missing folder', () => {
    expect(problemsOf(join(FIXTURES, 'nope'))[0]).toMatch(/nope: not a folder/);
  });
});

describe('parseLexiconFiles', () => {
  const lexicon = (body: string): { path: string; text: string } => ({ path: 'lx/t.yaml', text: `lexicon: t\nconcepts:\n${body}` });

  it('treats prototype-unsafe ids and terms as ordinary data', () => {
    const bundle = parseLexiconFiles(
      [lexicon('  - id: __proto__\n    label: p\n    frame: f\n    terms: { en: [constructor, __proto__], }\n  - id: constructor\n    label: c\n    frame: f\n    terms: { en: [toString] }\n')],
      'lx',
    );
    const compiled = compileLexicons(bundle);
    const hits = analyzeArticle({ id: 'a', body: 'The constructor and toString and __proto__ met.', lang: 'en', headlineEnd: 0 }, compiled).matches;
    expect(hits.map((m) => [m.concept, m.matched])).toEqual([
      ['__proto__', 'constructor'],
      ['constructor', 'toString'],
      // `_` is punctuation to the tokenizer, so the term `__proto__` is the word `proto`.
      ['__proto__', 'proto'],
    ]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('rejects two concepts whose Arabic terms differ only by the article of a later word (they match the same words)', () => {
    const two = lexicon(
      '  - id: occupied\n    label: o\n    frame: f\n    terms: { ar: [مناطق المحتلة] }\n' +
        '  - id: held\n    label: h\n    frame: f\n    terms: { ar: [مناطق محتلة, محتلة المناطق] }\n',
    );
    expect(() => parseLexiconFiles([two], 'lx')).toThrow(/lx\/t\.yaml:10: entry held: term "مناطق محتلة" is also in entry occupied as "مناطق المحتلة" \(Arabic: a later word matches with or without ال, a plural in ون or ين\) \(line 6\)/);
    // The first word's article is not folded into the key (المناطق matches less than مناطق), but
    // the text "المناطق محتلة" matches both terms: an overlap, reported as such.
    const first = lexicon('  - id: occupied\n    label: o\n    frame: f\n    terms: { ar: [مناطق المحتلة] }\n  - id: held\n    label: h\n    frame: f\n    terms: { ar: [المناطق محتلة] }\n');
    expect(() => parseLexiconFiles([first], 'lx')).toThrow(/entry held: term "المناطق محتلة" and term "مناطق المحتلة" of entry occupied \(line 6\) both match the text "المناطق محتلة"/);
    // A plural in either case is one term, first word or later.
    const plural = lexicon('  - id: a\n    label: a\n    frame: f\n    terms: { ar: [محتلون الروس] }\n  - id: b\n    label: b\n    frame: f\n    terms: { ar: [محتلين الروس] }\n');
    expect(() => parseLexiconFiles([plural], 'lx')).toThrow(/entry b: term "محتلين الروس" is also in entry a as "محتلون الروس"/);
  });

  it('rejects a term of one entry that another entry\'s term matches as written (inflection, Arabic clitics), in either order', () => {
    const pair = (a: string, b: string) => lexicon(`  - id: a\n    label: a\n    frame: f\n    terms: { ${a} }\n  - id: b\n    label: b\n    frame: f\n    terms: { ${b} }\n`);
    expect(() => parseLexiconFiles([pair('en: [kiev regime]', 'en: [kiev regimes]')], 'lx')).toThrow(
      /lx\/t\.yaml:10: entry b: term "kiev regimes" and term "kiev regime" of entry a \(line 6\) both match the text "kiev regimes" \(inflection or Arabic clitics\) — keep them in one entry/,
    );
    expect(() => parseLexiconFiles([pair('en: [kiev regimes]', 'en: [kiev regime]')], 'lx')).toThrow(/entry b: term "kiev regime" and term "kiev regimes" of entry a \(line 6\) both match the text "kiev regimes"/);
    expect(() => parseLexiconFiles([pair('en: [occupy]', 'en: [occupied]')], 'lx')).toThrow(/both match the text "occupied"/);
    expect(() => parseLexiconFiles([pair('ar: [نظام كييف]', 'ar: [ونظام كييف]')], 'lx')).toThrow(/both match the text "ونظام كييف"/);
    // No text matches both: different words, a glob (a prefix overlaps by design), one entry.
    expect(parseLexiconFiles([pair('en: [regime]', 'en: [regimen]')], 'lx').concepts).toHaveLength(2);
    expect(parseLexiconFiles([pair('en: [russophob*]', 'en: [russophobia]')], 'lx').concepts).toHaveLength(2);
    const one = lexicon('  - id: a\n    label: a\n    frame: f\n    terms: { en: [kiev regime, kiev regimes] }\n');
    expect(parseLexiconFiles([one], 'lx').concepts).toHaveLength(1);
  });

  it('rejects a non-mapping file and a file of unknown kind', () => {
    expect(() => parseLexiconFiles([{ path: 'lx/a.yaml', text: '- just\n- a list\n' }], 'lx')).toThrow(/lx\/a\.yaml:1: the file is not a YAML mapping/);
    expect(() => parseLexiconFiles([{ path: 'lx/a.yaml', text: 'foo: 1\n' }], 'lx')).toThrow(/lx\/a\.yaml:1: no "concepts:" key/);
  });

  it('skips outlets.yaml but includes it in the hash', () => {
    const base = [lexicon('  - id: a\n    label: a\n    frame: f\n    terms: { en: [a] }\n')];
    const one = parseLexiconFiles([...base, { path: 'lx/outlets.yaml', text: 'outlets:\n  - name: RT\n' }], 'lx');
    const two = parseLexiconFiles([...base, { path: 'lx/outlets.yaml', text: 'outlets:\n  - name: BBC\n' }], 'lx');
    expect(one.concepts).toHaveLength(1);
    expect(one.sha256).not.toBe(two.sha256);
  });

  it('validates cue files', () => {
    expect(() => parseLexiconFiles([{ path: 'lx/cues/en.yaml', text: 'reporting_verb: [said]\n' }], 'lx')).toThrow(/cues\/en\.yaml:1: cue file: unknown key "reporting_verb" — did you mean "reporting_verbs"\?/);
  });
});
