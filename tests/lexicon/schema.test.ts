/**
 * The JSON Schemas in lexicons/schema/ are what editors check lexicon files against while a
 * researcher types (docs/lexicon-format.md); the tool never reads them. These tests keep them true
 * to the loader: every bundled file passes its schema, what `lexicon import` writes passes, and a
 * mistake the loader refuses is one the schema flags too.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { importEntities, importLexicon } from '../../src/commands/lexicon.js';
import { loadLexiconBundle } from '../../src/lexicon/index.js';

const LEXICONS = fileURLToPath(new URL('../../lexicons/', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/lexicon/', import.meta.url));

function validator(schema: string): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  return ajv.compile(JSON.parse(readFileSync(join(LEXICONS, 'schema', schema), 'utf8')) as object);
}

/** Schema errors of a YAML text, as `path message` lines (empty when it passes). */
function problems(validate: ValidateFunction, yamlText: string): string[] {
  return validate(parseYaml(yamlText)) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

const lexiconSchema = validator('lexicon.schema.json');

describe('lexicons/schema', () => {
  it('passes every bundled file against its schema', () => {
    const files: [string, ValidateFunction][] = [
      ['entities.yaml', validator('entities.schema.json')],
      ['outlets.yaml', validator('outlets.schema.json')],
      ...['cues/en.yaml', 'cues/ar.yaml', 'cues/voice/en.yaml', 'cues/voice/ar.yaml'].map((f): [string, ValidateFunction] => [f, validator('cues.schema.json')]),
      ...readdirSync(LEXICONS)
        .filter((f) => f.endsWith('.yaml') && f !== 'entities.yaml' && f !== 'outlets.yaml')
        .map((f): [string, ValidateFunction] => [f, lexiconSchema]),
    ];
    expect(files.length).toBeGreaterThanOrEqual(9);
    for (const [file, validate] of files) expect({ file, problems: problems(validate, readFileSync(join(LEXICONS, file), 'utf8')) }).toEqual({ file, problems: [] });
  });

  it('passes the lexicon `lexicon import` writes from a sheet', () => {
    const dir = mkdtempSync(join(tmpdir(), 'framescope-schema-'));
    const sheet = join(dir, 'my_terms.csv');
    writeFileSync(sheet, 'concept,lang,term,frame,axis,note,source\nkiev_regime,en,Kiev regime,delegitimize,ru_ua:-1,pejorative,my notes\nkiev_regime,ar,نظام كييف,delegitimize,ru_ua:-1,,\n');
    const yamlText = importLexicon(sheet);
    expect(problems(lexiconSchema, yamlText)).toEqual([]);
    writeFileSync(join(dir, 'my_terms.yaml'), yamlText);
    expect(() => loadLexiconBundle(dir)).not.toThrow();
  });

  it('passes the entities file `lexicon import --entities` writes from a sheet', () => {
    const dir = mkdtempSync(join(tmpdir(), 'framescope-schema-'));
    const sheet = join(dir, 'people.csv');
    writeFileSync(sheet, 'concept,lang,term,label,kind\nputin,en,vladimir putin,Vladimir Putin,entity\nputin,ar,بوتين,,entity\nkyiv,en,kyiv,Kyiv,entity\n');
    const yamlText = importEntities(sheet);
    expect(problems(validator('entities.schema.json'), yamlText)).toEqual([]);
    writeFileSync(join(dir, 'entities.yaml'), yamlText);
    expect(loadLexiconBundle(dir).entities.map((entity) => entity.id)).toEqual(['putin', 'kyiv']);
  });

  it('flags what the loader refuses: an unknown key, a concept without terms', () => {
    for (const [what, text] of [
      ['unknown key', 'lexicon: x\nconcepts:\n  - id: a\n    label: a\n    frame: f\n    terms: { en: [a b] }\n    trems: { en: [c] }\n'],
      ['no terms', 'lexicon: x\nconcepts:\n  - id: a\n    label: a\n    frame: f\n'],
    ] as const) {
      const dir = mkdtempSync(join(tmpdir(), 'framescope-schema-'));
      writeFileSync(join(dir, 'x.yaml'), text);
      expect(() => loadLexiconBundle(dir), what).toThrow();
      expect(problems(lexiconSchema, text), what).not.toEqual([]);
    }
  });

  it('passes the good test fixture', () => {
    const good = readdirSync(join(FIXTURES, 'good')).filter((f) => f.endsWith('.yaml') && !['entities.yaml', 'outlets.yaml'].includes(f));
    expect(good.length).toBeGreaterThan(0);
    for (const file of good) expect({ file, problems: problems(lexiconSchema, readFileSync(join(FIXTURES, 'good', file), 'utf8')) }).toEqual({ file, problems: [] });
  });
});
