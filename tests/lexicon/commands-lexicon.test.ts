import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportLexiconCsv, importEntities, importLexicon, runLexiconCheck } from '../../src/commands/lexicon.js';
import { bundledLexiconDir } from '../../src/paths.js';
import { loadLexiconBundle } from '../../src/lexicon/index.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/lexicon/', import.meta.url));

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'framescope-lexicon-'));
}

describe('runLexiconCheck', () => {
  it('passes the good fixture with a summary line', () => {
    const result = runLexiconCheck(join(FIXTURES, 'good'));
    expect(result.exitCode).toBe(0);
    expect(result.err).toBe('');
    expect(result.out).toMatch(/^lexicons OK: 1 lexicon file\(s\), 7 concepts, \d+ terms, 1 contrast sets, 2 entities, 9 examples passed/);
  });

  it('notes two terms of one entry that match the same words (and still passes); the bundled lexicons have none', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'x.yaml'),
      'lexicon: x\nconcepts:\n  - id: occupiers\n    label: o\n    frame: f\n    terms: { ar: [محتلين الروس, محتلون الروس, المحتلون الروس, محتلين روس, قوات الاحتلال], en: [invade, invaded, invasion] }\n',
    );
    const result = runLexiconCheck(dir);
    expect(result.exitCode).toBe(0);
    const notes = result.out.split('\n').filter((line) => line.startsWith('note: '));
    expect(notes).toEqual([
      expect.stringMatching(/x\.yaml:3: entry occupiers: ar terms "محتلين الروس" and "محتلون الروس" match the same words — one is enough$/),
      expect.stringMatching(/entry occupiers: ar terms "محتلين الروس" and "محتلين روس" match the same words/),
      // The article on a first word: the term matches only the definite phrase, which the other matches too.
      expect.stringMatching(/entry occupiers: ar term "المحتلون الروس" is matched by "محتلين الروس" as written \(inflection or Arabic clitics\) — one is enough$/),
      // English inflection: "invaded" is matched by invade; "invasion" is a word of its own.
      expect.stringMatching(/entry occupiers: en term "invaded" is matched by "invade" as written/),
    ]);
    expect(result.out).toMatch(/\nlexicons OK: /);
    expect(runLexiconCheck(join(FIXTURES, '../../../lexicons')).out).not.toMatch(/^note: /m);
  });

  it('lists validation problems with file:line and exits 1', () => {
    const result = runLexiconCheck(join(FIXTURES, 'broken'));
    expect(result.exitCode).toBe(1);
    expect(result.err.trim().split('\n').length).toBeGreaterThanOrEqual(12);
    expect(result.err).toMatch(/bad\.yaml:15: entry kyiv_regime: term "Kiev regime" is also in entry kiev_regime/);
  });

  it('reports failing examples with file:line', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'x.yaml'),
      'lexicon: x\nconcepts:\n  - id: junta\n    label: junta\n    frame: f\n    terms: { en: [kiev junta] }\n    examples:\n      match: [The Kyiv junta fell.]\n      no_match: [The kiev junta fell.]\n',
    );
    const result = runLexiconCheck(dir);
    expect(result.exitCode).toBe(1);
    const lines = result.err.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/x\.yaml:3: entry junta: match example gives no hit \(no hit at all\)/);
    expect(lines[1]).toMatch(/x\.yaml:3: entry junta: no_match example gives a hit/);
  });
});

describe('import and export', () => {
  it('imports a quanteda/LIWC .dic into a loadable lexicon', () => {
    const dir = tempDir();
    const dic = join(dir, 'war-terms.dic');
    writeFileSync(dic, '%\n1\tdelegitimization\n2\tnaming\n%\nkiev regime\t1\nkiev\t2\nrussophob*\t1 2\nنظام كييف\t1\n');
    const yaml = importLexicon(dic);
    const lexDir = join(dir, 'lx');
    mkdirSync(lexDir);
    writeFileSync(join(lexDir, 'war.yaml'), yaml.replace(/russophob\*\n/, 'russophob*\n'));
    expect(() => loadLexiconBundle(lexDir)).toThrow(/term "russophob\*" is also in entry/);
    writeFileSync(join(dir, 'one.dic'), '%\n1\tdelegitimization\n2\tnaming\n%\nkiev regime\t1\nkiev\t2\nنظام كييف\t1\n');
    writeFileSync(join(lexDir, 'war.yaml'), importLexicon(join(dir, 'one.dic')));
    const bundle = loadLexiconBundle(lexDir);
    expect(bundle.lexicons[0]!.id).toBe('one');
    const deleg = bundle.concepts.find((c) => c.id === 'delegitimization')!;
    expect(deleg.terms).toEqual({ en: ['kiev regime'], ar: ['نظام كييف'] });
  });

  it('names the file and line of a bad .dic', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.dic'), '%\n1\tx\n%\nterm\t7\n');
    expect(() => importLexicon(join(dir, 'bad.dic'))).toThrow(/bad\.dic:4: category 7 is not in the header/);
  });

  it('exports a CSV sheet that round-trips through import', () => {
    const csv = exportLexiconCsv(join(FIXTURES, 'good'));
    expect(csv.split('\n')[0]).toBe('concept,lang,term,frame,axis,note,source,label,lexicon,kind');
    expect(csv).toMatch(/^kiev_regime,ar,نظام كييف,delegitimization,ru_ua=1,,,[^,\n]+,war_test,term$/m);
    expect(csv).toMatch(/^kiev_regime,en,kiev regime change,delegitimization,.*,exclude$/m);
    expect(csv).toMatch(/^kiev_regime,,Some called for Kiev regime change\.,.*,no_match$/m);
    const dir = tempDir();
    writeFileSync(join(dir, 'war_test.csv'), csv);
    const lexDir = join(dir, 'lx');
    mkdirSync(lexDir);
    writeFileSync(join(lexDir, 'war.yaml'), importLexicon(join(dir, 'war_test.csv')));
    const original = loadLexiconBundle(join(FIXTURES, 'good'));
    const again = loadLexiconBundle(lexDir);
    const shape = (b: typeof original) =>
      b.concepts
        .map((c) => ({
          id: c.id, label: c.label, lexicon: c.lexicon, frame: c.frame, axes: { ...c.axes }, note: c.note, source: c.source,
          terms: JSON.parse(JSON.stringify(c.terms)) as unknown, exclude: JSON.parse(JSON.stringify(c.exclude)) as unknown, examples: c.examples,
        }))
        .sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(shape(again)).toEqual(shape(original));
    // The lexicon-level parts come along: axes with their descriptions, contrast sets in order.
    expect(csv).toMatch(/^ru_ua,,\+1 Kremlin-aligned; -1 Ukraine-aligned,,,,,,war_test,axis$/m);
    expect(csv).toMatch(/^kiev_kyiv,,kiev,.*,war_test,contrast$/m);
    expect(again.axes).toEqual(original.axes);
    const sets = (b: typeof original) => b.contrasts.map(({ id, label, labels, note, lexicon }) => ({ id, label, labels, note, lexicon }));
    expect(sets(original).length).toBeGreaterThan(0);
    expect(sets(again)).toEqual(sets(original));
    // The entities come along in rows of their own, which `--entities` makes an entities file of;
    // without it they are left out, and the lexicon file says so.
    expect(csv).toMatch(/^lavrov,ar,لافروف,,,,,Sergey Lavrov,,entity$/m);
    expect(importLexicon(join(dir, 'war_test.csv'))).toContain('# Left out: 5 entity row(s)');
    expect(again.entities).toEqual([]);
    writeFileSync(join(lexDir, 'entities.yaml'), importEntities(join(dir, 'war_test.csv')));
    expect(loadLexiconBundle(lexDir).entities).toEqual(original.entities);
    expect(exportLexiconCsv(lexDir)).toBe(csv);
  });

  it('round-trips the bundled lexicons\' entities, and imports a sheet of entity rows alone as an entities file', () => {
    const csv = exportLexiconCsv(bundledLexiconDir());
    const dir = tempDir();
    writeFileSync(join(dir, 'all.csv'), csv);
    const lexDir = join(dir, 'lx');
    mkdirSync(lexDir);
    writeFileSync(join(lexDir, 'entities.yaml'), importEntities(join(dir, 'all.csv')));
    const original = loadLexiconBundle(bundledLexiconDir()).entities;
    expect(original.length).toBeGreaterThan(20);
    expect(loadLexiconBundle(lexDir).entities).toEqual(original);
    // A sheet filtered to its entity rows (a header and those rows) imports as an entities file without the flag.
    const lines = csv.split('\n');
    writeFileSync(join(dir, 'people.csv'), [lines[0], ...lines.filter((line) => line.endsWith(',entity'))].join('\n'));
    expect(importLexicon(join(dir, 'people.csv'))).toBe(importEntities(join(dir, 'people.csv')));
    // The label: the first row's that has one, else the id as typed.
    writeFileSync(join(dir, 'labels.csv'), 'concept,lang,term,label,kind\nputin,en,putin,,entity\nputin,ar,بوتين,Vladimir Putin,entity\nKyiv,en,kyiv,,entity\n');
    writeFileSync(join(lexDir, 'entities.yaml'), importEntities(join(dir, 'labels.csv')));
    expect(loadLexiconBundle(lexDir).entities.map(({ id, label }) => ({ id, label }))).toEqual([{ id: 'putin', label: 'Vladimir Putin' }, { id: 'kyiv', label: 'Kyiv' }]);
    writeFileSync(join(dir, 'terms.csv'), 'concept,lang,term\na,en,alpha\n');
    expect(() => importEntities(join(dir, 'terms.csv'))).toThrow(/terms\.csv: no entity rows/);
    writeFileSync(join(dir, 'badlang.csv'), 'concept,lang,term,kind\nputin,English,putin,entity\n');
    expect(() => importEntities(join(dir, 'badlang.csv'))).toThrow(/badlang\.csv:2: entity row: lang "English" is not a language code/);
  });

  it('reads excludes and examples by kind, and names the line of an unknown kind', () => {
    const dir = tempDir();
    const sheet = [
      'concept,lang,term,kind',
      'kiev_regime,en,kiev regime,',
      'kiev_regime,en,kiev regime change,Exclude',
      'kiev_regime,,Moscow blamed the Kiev regime.,match',
      'kiev_regime,en,"Some called for Kiev regime change, again.",no_match',
    ].join('\n');
    writeFileSync(join(dir, 'k.csv'), `${sheet}\n`);
    const lexDir = join(dir, 'lx');
    mkdirSync(lexDir);
    writeFileSync(join(lexDir, 'k.yaml'), importLexicon(join(dir, 'k.csv')));
    const [concept] = loadLexiconBundle(lexDir).concepts;
    expect(concept?.terms).toEqual({ en: ['kiev regime'] });
    expect(concept?.exclude).toEqual({ en: ['kiev regime change'] });
    expect(concept?.examples).toEqual({ match: ['Moscow blamed the Kiev regime.'], noMatch: ['Some called for Kiev regime change, again.'] });
    // The imported lexicon passes its own examples.
    expect(runLexiconCheck(lexDir).exitCode).toBe(0);
    writeFileSync(join(dir, 'bad.csv'), 'concept,lang,term,kind\na,en,alpha,term\na,en,beta,synonym\n');
    expect(() => importLexicon(join(dir, 'bad.csv'))).toThrow(/bad\.csv:3: kind "synonym" is not one of term, exclude, match, no_match, axis, contrast, entity/);
    writeFileSync(join(dir, 'nolang.csv'), 'concept,lang,term,kind\na,,alpha,exclude\n');
    expect(() => importLexicon(join(dir, 'nolang.csv'))).toThrow(/nolang\.csv:2: column "lang" is empty/);
    writeFileSync(join(dir, 'noterm.csv'), 'concept,lang,term,kind\nkiev_kyiv,,,contrast\n');
    expect(() => importLexicon(join(dir, 'noterm.csv'))).toThrow(/noterm\.csv:2: column "term" is empty/);
  });

  it('reads axis and contrast rows typed by hand into the lexicon\'s axes and contrast sets', () => {
    const dir = tempDir();
    const sheet = [
      'concept,lang,term,axis,label,note,kind',
      'kiev,en,kiev,ru_ua=1,,,',
      'kyiv,en,kyiv,ru_ua=-1,,,',
      'ru_ua,,"+1 Russian spelling; -1 Ukrainian",,,,Axis',
      'kiev_kyiv,,kiev,,Kiev or Kyiv,Transliteration.,contrast',
      'kiev_kyiv,,kyiv,,,,Contrast',
    ].join('\n');
    writeFileSync(join(dir, 'c.csv'), `${sheet}\n`);
    const lexDir = join(dir, 'lx');
    mkdirSync(lexDir);
    writeFileSync(join(lexDir, 'c.yaml'), importLexicon(join(dir, 'c.csv')));
    const bundle = loadLexiconBundle(lexDir);
    expect(bundle.axes).toEqual([{ lexicon: 'c', id: 'ru_ua', description: '+1 Russian spelling; -1 Ukrainian' }]);
    expect(bundle.contrasts.map(({ id, label, labels, note }) => ({ id, label, labels, note }))).toEqual([
      { id: 'kiev_kyiv', label: 'Kiev or Kyiv', labels: ['kiev', 'kyiv'], note: 'Transliteration.' },
    ]);
    expect(bundle.concepts.map((c) => c.id)).toEqual(['kiev', 'kyiv']);
  });

  it('imports a sheet without the label and lexicon columns (the concept names the label, the file the lexicon)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'My Terms.csv'), 'concept,lang,term,frame\nKiev regime,en,Kiev regime,delegitimization\n');
    const yaml = importLexicon(join(dir, 'My Terms.csv'));
    expect(yaml).toContain('lexicon: my_terms');
    expect(yaml).toMatch(/- id: kiev_regime\n\s+label: Kiev regime\n/);
  });

  it('merges a sheet of several lexicons into one, saying so, under the file name', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'all.csv'), 'concept,lang,term,label,lexicon\na,en,alpha term,Alpha,one\nb,en,beta term,Beta,two\n');
    const yaml = importLexicon(join(dir, 'all.csv'));
    expect(yaml).toContain('# The sheet held the concepts of several lexicons, merged here: one, two.');
    expect(yaml).toContain('lexicon: all');
    expect(yaml).toMatch(/label: Alpha/);
  });
});
