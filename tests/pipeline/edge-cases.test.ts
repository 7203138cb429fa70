import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadOutlets } from '../../src/commands/analyze.js';
import { loadLexiconBundle } from '../../src/lexicon/index.js';
import { bundledLexiconDir } from '../../src/paths.js';
import { analyzeCorpus, renderOutputs } from '../../src/pipeline.js';
import type { CorpusInput } from '../../src/pipeline.js';

const lexiconDir = bundledLexiconDir();
const bundle = loadLexiconBundle(lexiconDir);
const outlets = loadOutlets(lexiconDir);

function records(name: string, rows: Record<string, string>[]): CorpusInput {
  const text = rows.map((row) => JSON.stringify(row)).join('\n');
  return { files: [{ path: name, bytes: new TextEncoder().encode(text) }], manifests: [], skipped: [] };
}

async function run(corpus: CorpusInput): Promise<Map<string, string>> {
  const result = analyzeCorpus(corpus, bundle, outlets);
  return renderOutputs(result, bundle, { tool: 'framescope', version: 'test', options: {} }, { bom: false });
}

const rowsOf = (csv: string | undefined) => parse(csv ?? '', { columns: true }) as Record<string, string>[];

describe('edge cases with clear behaviour', () => {
  it('one article from one outlet, with no hits and no date, still gives every file', async () => {
    const files = await run(
      records('one.jsonl', [{ id: 'a1', outlet: 'Example Wire', title: 'Harvest', lang: 'en', text: 'Farmers began the wheat harvest early this year after a warm spring, growers said.' }]),
    );
    for (const name of ['articles.csv', 'matches.csv', 'outlets.csv', 'keyness.csv', 'events.csv', 'report.md']) expect(files.has(name), name).toBe(true);
    expect(rowsOf(files.get('matches.csv'))).toEqual([]);
    const [outlet] = rowsOf(files.get('outlets.csv'));
    expect(outlet?.['outlet']).toBe('Example Wire');
    expect(outlet?.['hits']).toBe('0');
    expect(outlet?.['stance_ru_ua']).toBe(''); // no evidence is empty, never 0
    expect(outlet?.['warning']).toMatch(/fewer than 5 articles/);
    expect(rowsOf(files.get('keyness.csv'))).toEqual([]); // no reference outlet
    const [article] = rowsOf(files.get('articles.csv'));
    expect(article?.['date']).toBe('');
  });

  it('analyses an article in a language the lexicons have no terms for, with tokens and no hits', async () => {
    const files = await run(
      records('fr.jsonl', [
        { id: 'fr1', outlet: 'Exemple Presse', title: 'Pourparlers à Genève', lang: 'fr', text: 'Les ministres des affaires étrangères se sont réunis lundi à Genève pour discuter d’un cessez-le-feu.' },
        { id: 'fr2', outlet: 'Autre Presse', title: 'Réunion à Genève', lang: 'fr', text: 'Les diplomates ont repris les discussions sur le cessez-le-feu lundi à Genève, selon des responsables.' },
      ]),
    );
    const articles = rowsOf(files.get('articles.csv'));
    expect(articles.map((a) => a['lang'])).toEqual(['fr', 'fr']);
    for (const a of articles) expect(Number(a['tokens'])).toBeGreaterThan(10);
    expect(rowsOf(files.get('matches.csv'))).toEqual([]);
  });

  it('clusters undated articles without a date window and leaves the event dates empty', async () => {
    const text = 'Flooding closed the river port of Varnetsa on Monday, and 1,240 residents were moved to shelters, the mayor said.';
    const files = await run(
      records('undated.jsonl', [
        { id: 'u1', outlet: 'Example Wire', title: 'Varnetsa port closed by floods', lang: 'en', text },
        { id: 'u2', outlet: 'Other Daily', title: 'Floods shut Varnetsa port', lang: 'en', text: `${text} Rescue crews worked through the night.` },
      ]),
    );
    const events = rowsOf(files.get('events.csv'));
    const shared = events.find((e) => e['size'] === '2');
    expect(shared?.['date_from']).toBe('');
    expect(shared?.['outlets']).toBe('Example Wire;Other Daily');
  });
});
