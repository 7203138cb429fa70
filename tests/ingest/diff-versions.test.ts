import { describe, expect, it } from 'vitest';
import { diffVersions, paragraphsOf } from '../../src/ingest/diff-versions.js';
import type { Article } from '../../src/types.js';

function version(storyId: string, n: number, paragraphs: string[], latest = false): Article {
  const body = paragraphs.join('\n\n');
  return {
    id: `${storyId}@v${n}`, source: `${storyId}.txt`, format: 'version-table', outlet: 'RT', credit: '', lang: 'en',
    title: paragraphs[0] ?? '', date: '', dateStated: '', url: '', byline: '', tags: [], version: n, isLatest: latest, storyId,
    body, headlineEnd: paragraphs[0]?.length ?? 0, removed: [],
  };
}

describe('diffVersions', () => {
  const v1 = version('s', 1, ['Title', 'Alpha paragraph stays the same.', 'Beta paragraph says the bridge cost ten million.', 'Gamma goes away.']);
  const v2 = version('s', 2, ['Title', 'Alpha paragraph stays the same.', 'Beta paragraph says the bridge cost twelve million.', 'Delta is new text.'], true);

  it('reports added, removed and changed paragraphs with spans into each body', () => {
    const changes = diffVersions([v2, v1]);
    expect(changes.map((c) => [c.change, c.fromVersion, c.toVersion])).toEqual([['changed', 1, 2], ['removed', 1, 2], ['added', 1, 2]]);
    for (const c of changes) {
      if (c.fromSpan) expect(v1.body.slice(c.fromSpan.start, c.fromSpan.end)).not.toBe('');
      if (c.toSpan) expect(v2.body.slice(c.toSpan.start, c.toSpan.end)).toBe(c.text);
    }
    expect(changes[1]!.text).toBe('Gamma goes away.');
    expect(v1.body.slice(changes[1]!.fromSpan!.start, changes[1]!.fromSpan!.end)).toBe('Gamma goes away.');
  });

  it('compares consecutive versions only, and ignores single-version stories and records', () => {
    const v3 = version('s', 3, ['Title', 'Alpha paragraph stays the same.'], true);
    const changes = diffVersions([v1, v2, { ...v3 }, version('lonely', 1, ['T', 'x']), { ...v1, id: 'rec', version: null, storyId: 'rec' }]);
    expect(new Set(changes.map((c) => `${c.fromVersion}->${c.toVersion}`))).toEqual(new Set(['1->2', '2->3']));
  });

  it('identical versions give no change', () => {
    expect(diffVersions([v1, { ...v1, id: 's@v2', version: 2 }])).toEqual([]);
  });

  it('paragraph offsets round-trip', () => {
    const body = 'A\n\nBb\n\nCcc';
    for (const p of paragraphsOf(body)) expect(body.slice(p.span.start, p.span.end)).toBe(p.text);
  });
});
