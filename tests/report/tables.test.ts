import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/index.js';
import { conceptsIn } from '../../src/report/tables.js';
import { ARTICLES, buildFixtureInput } from './fixture.js';

const files = await buildReport(buildFixtureInput());
const rowsOf = (name: string): Record<string, string>[] => parse(files.get(name) ?? '', { columns: true }) as Record<string, string>[];
const headerOf = (name: string): string => (files.get(name) ?? '').split('\n')[0] ?? '';

describe('CSV files', () => {
  it('have the contract columns in order', () => {
    expect(headerOf('articles.csv')).toBe('id,source,outlet,credit,lang,title,date,url,version,is_latest,tokens,hits,hits_authorial,cluster_id,stance_gaza,stance_gaza_hits,stance_ru_ua,stance_ru_ua_hits,date_stated');
    expect(headerOf('matches.csv')).toBe('article_id,outlet,lang,lexicon,concept,frame,term,matched,voice,negated,distanced,sentence,start,end,axis_gaza,axis_ru_ua');
    expect(headerOf('outlets.csv').startsWith('outlet,articles,tokens,hits,hits_authorial,stance_gaza,stance_gaza_lo,stance_gaza_hi,stance_gaza_hits,stance_ru_ua,stance_ru_ua_lo,stance_ru_ua_hi,stance_ru_ua_hits,warning')).toBe(true);
    expect(headerOf('outlet_concepts.csv').startsWith('outlet,concept,frame,articles_with_hit,hits,hits_authorial,rate_per_1k,rate_lo,rate_hi')).toBe(true);
    expect(headerOf('contrasts.csv')).toBe('outlet,contrast,label,count,share,count_own,share_own');
    expect(headerOf('keyness.csv')).toBe('outlet,term,n_target,n_reference,log_odds,z,in_lexicon');
    expect(headerOf('clusters.csv')).toBe('cluster_id,article_id,outlet,lang,date,title,similarity');
    expect(headerOf('events.csv')).toBe('cluster_id,size,outlets,languages,date_from,date_to,top_terms');
    expect(headerOf('versions.csv')).toBe('article_id,from_version,to_version,change,text,concepts_added,concepts_removed');
    expect(headerOf('skipped.csv')).toBe('source,reason');
  });

  it('make a formula title inert in articles.csv', () => {
    const rt = rowsOf('articles.csv').find((r) => r.id === 'rt-en-1')!;
    expect(rt.title).toBe('\'=HYPERLINK("http://x","y")');
    expect(rt.stance_ru_ua).toBe('1.000000');
    // numeric columns are not guarded, even when negative
    expect(rowsOf('articles.csv').find((r) => r.id === 'aj-1')?.stance_ru_ua).toBe('-1.000000');
  });

  it('give matches whose matched text is the body slice, sorted by article then offset', () => {
    const bodies = new Map(ARTICLES.map((a) => [a.id, a.body]));
    const rows = rowsOf('matches.csv');
    expect(rows).toHaveLength([...buildFixtureInput().analyses.values()].reduce((n, a) => n + a.matches.length, 0));
    for (const r of rows) expect(bodies.get(r.article_id!)?.slice(Number(r.start), Number(r.end))).toBe(r.matched);
    const keys = rows.map((r) => [r.article_id!, Number(r.start)] as const);
    const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    expect(keys).toEqual(sorted);
  });

  it('derive version concept changes from the matches inside each span', () => {
    const rows = rowsOf('versions.csv');
    expect(rows.map((r) => [r.change, r.concepts_added, r.concepts_removed])).toEqual([
      ['removed', '', ''],
      ['added', 'special_operation;terrorist', ''],
    ]);
    expect(conceptsIn([], null).size).toBe(0);
  });

  it('list every cluster member and event facts', () => {
    expect(rowsOf('clusters.csv').map((r) => r.article_id)).toEqual(['aj-1', 'bbc-1@v2', 'rt-ar-1', 'rt-en-1', 'aj-ar-1', 'bbc-2']);
    expect(rowsOf('events.csv')[0]).toMatchObject({ size: '4', outlets: 'Al Jazeera;BBC News;RT;RT Arabic', languages: 'ar;en', date_from: '2022-03-01', date_to: '2022-03-02' });
    expect(rowsOf('articles.csv').find((r) => r.id === 'bbc-1@v1')?.cluster_id).toBe('');
  });

  it('sort keyness by z descending within each outlet', () => {
    const rows = rowsOf('keyness.csv');
    for (let i = 1; i < rows.length; i += 1) {
      if (rows[i]!.outlet === rows[i - 1]!.outlet) expect(Number(rows[i]!.z)).toBeLessThanOrEqual(Number(rows[i - 1]!.z));
    }
    expect(rows.find((r) => r.term === 'kiev regime')?.in_lexicon).toBe('true');
  });

  it('put a BOM on every CSV with --bom and nowhere else', async () => {
    const withBom = await buildReport(buildFixtureInput({ bom: true }));
    for (const [name, text] of withBom) expect(text.startsWith('\uFEFF')).toBe(name.endsWith('.csv'));
  });
});

describe('articles.jsonl', () => {
  it('has one object per article with the contract keys in order', () => {
    const lines = (files.get('articles.jsonl') ?? '').trimEnd().split('\n');
    expect(lines).toHaveLength(ARTICLES.length);
    const first = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(first)).toEqual(['id', 'source', 'outlet', 'credit', 'lang', 'title', 'date', 'url', 'version', 'is_latest', 'tokens', 'body', 'removed']);
    expect(first.removed).toEqual([{ text: 'Share this story', reason: 'menu' }]);
  });
});
