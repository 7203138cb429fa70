import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/index.js';
import { hideAbsolutePath, MAX_EVENT_SECTIONS } from '../../src/report/report-md.js';
import type { EventCluster } from '../../src/types.js';
import { ARTICLES, buildFixtureInput } from './fixture.js';

const report = (await buildReport(buildFixtureInput())).get('report.md') ?? '';

describe('report.md', () => {
  it('opens with provenance: tool, options, lexicon hashes, bundle hash, counts', () => {
    expect(report.startsWith('# framescope report\n')).toBe(true);
    expect(report).toContain('framescope 0.1.0');
    expect(report).toContain('| lexicons | ru-ua, security |');
    expect(report).toContain(`\`${'a'.repeat(64)}\``);
    expect(report).toContain(`bundle sha256 \`${'c'.repeat(64)}\``);
    expect(report).toContain('6 inputs; 7 articles (6 latest versions); 2 skipped; 4 outlets');
  });

  it('shows no absolute path even when an option holds one', async () => {
    const input = buildFixtureInput();
    const md = (await buildReport({ ...input, provenance: { ...input.provenance, options: { out: '/home/ana/runs/x', lexicons: ['C:\\lex\\ru.yaml', 'rel/ar.yaml'] } } })).get('report.md') ?? '';
    expect(md).toContain('| out | …/x |');
    expect(md).toContain('| lexicons | …/ru.yaml, rel/ar.yaml |');
    expect(hideAbsolutePath('corpus/a.txt')).toBe('corpus/a.txt');
  });

  it('has every section a reader needs', () => {
    for (const heading of ['## Corpus', '## Outlet framing', '## Contrast sets', '## Voice', '## Outlet map', '## Key terms', '## Events covered by several outlets', '## Version changes', '## Lexicon coverage', '## Skipped inputs', '## Methods and caveats']) {
      expect(report).toContain(`\n${heading}\n`);
    }
    expect(report).toContain('Never hit: security/martyr.');
    expect(report).toMatch(/matches\.csv/);
  });

  it('carries no run dates, timings or absolute paths', () => {
    expect(report).not.toMatch(/\b20[2-9]\d-\d\d-\d\dT/);
    expect(report).not.toMatch(/\d+(\.\d+)? ?ms\b/);
    expect(report).not.toMatch(/(^|[\s(`])\/(work|tmp|home|Users)\//m);
  });

  it('escapes Markdown in text cells and isolates Arabic runs', () => {
    const title = ARTICLES.find((a) => a.id === 'bbc-2')!.title;
    expect(report).not.toContain(title);
    expect(report).toContain('Kyiv \\| "Live" \\*updates\\* \\[day 6\\] &lt;b&gt; &amp; more\\_');
    expect(report).toContain('| \u2068العملية العسكرية الخاصة تتواصل قرب كييف\u2069 |');
    expect(report).toContain('kyiv, invasion, \u2068كييف\u2069');
  });

  it('keeps the own voice apart from quotes in event tables', () => {
    const line = report.split('\n').find((l) => l.startsWith('| BBC News | 2022-03-01 | Russian invasion'))!;
    expect(line).toContain('| invasion ×2, kyiv ×2 | special\\_operation, terrorist |');
  });

  it('gives a section to the events covered by the most outlets only, and says where the others are', async () => {
    const cluster = (id: string, members: string[]): EventCluster => ({ id, members, similarity: new Map(), topTerms: ['t'] });
    const twoOutlets = Array.from({ length: 29 }, (_, i) => cluster(`e2${String(i).padStart(2, '0')}`, ['aj-ar-1', 'bbc-2']));
    const clusters = [
      ...twoOutlets,
      cluster('e399', ['aj-ar-1', 'bbc-2', 'aj-1']), // two outlets, three articles: before the two-article ones
      cluster('e100', ['aj-1', 'bbc-1@v2', 'rt-ar-1', 'rt-en-1']), // four outlets: first
      cluster('e000', ['bbc-2']), // one outlet: never a section
    ];
    const md = (await buildReport({ ...buildFixtureInput(), clusters })).get('report.md') ?? '';
    const shown = [...md.matchAll(/^### (e\d+):/gm)].map((m) => m[1]);
    expect(MAX_EVENT_SECTIONS).toBe(25);
    expect(shown).toEqual(['e100', ...twoOutlets.slice(0, 23).map((c) => c.id), 'e399']);
    expect(md).toContain('Shown here: the 25 of these 31 events covered by the most outlets');
    expect(md).toContain('The other 6 are in `events.csv` and\n`clusters.csv`, which list every cluster.');
  });

  it('says nothing of a cap when every event has its section', () => {
    expect(report).not.toContain('Shown here:');
  });

  it('handles a one-outlet corpus with stated rules instead of numbers', async () => {
    const input = buildFixtureInput();
    const bbc = input.articles.filter((a) => a.outlet === 'BBC News');
    const single = await buildReport({ ...input, articles: bbc, clusters: [] });
    const md = single.get('report.md') ?? '';
    expect(md).toContain('_Keyness needs at least two outlets._');
    expect(md).toContain('No projection: fewer than two outlets');
    expect(md).toContain('_No event was covered by more than one outlet._');
    expect(single.has('chart-map.svg')).toBe(false);
    expect(single.get('keyness.csv')).toBe('outlet,term,n_target,n_reference,log_odds,z,in_lexicon\n');
  });

  it('handles the empty run', async () => {
    const empty = await buildReport({ ...buildFixtureInput(), articles: [], analyses: new Map(), clusters: [], versionChanges: [], skipped: [] });
    expect(empty.get('articles.jsonl')).toBe('');
    expect(empty.get('outlets.csv')?.split('\n')).toHaveLength(2);
    expect(empty.get('report.md')).toContain('0 articles');
  });
});
