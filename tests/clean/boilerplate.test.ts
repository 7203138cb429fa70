import { describe, expect, it } from 'vitest';
import { buildBoilerplateTable } from '../../src/clean/boilerplate.js';
import { lineKey } from '../../src/clean/line-shape.js';

describe('buildBoilerplateTable', () => {
  it('a line in 2 pages and 2 stories of one outlet is boilerplate (case and bullets folded)', () => {
    const t = buildBoilerplateTable([
      { outlet: 'X', storyId: 'a', blocks: ['  • Privacy Policy', 'Story A text.'] },
      { outlet: 'X', storyId: 'b', blocks: ['privacy policy', 'Story B text.'] },
    ]);
    expect([...t.get('X')!]).toEqual(['privacy policy']);
  });
  it('versions of one story do not make their shared text boilerplate', () => {
    const t = buildBoilerplateTable([
      { outlet: 'X', storyId: 's', blocks: ['Shared paragraph.'] },
      { outlet: 'X', storyId: 's', blocks: ['Shared paragraph.'] },
    ]);
    expect(t.get('X')!.size).toBe(0);
  });
  it('pages of different outlets, or of no known outlet, are not pooled', () => {
    const t = buildBoilerplateTable([
      { outlet: 'X', storyId: 'a', blocks: ['Same line.'] },
      { outlet: 'Y', storyId: 'b', blocks: ['Same line.'] },
      { outlet: undefined, storyId: 'c', blocks: ['Same line.'] },
      { outlet: undefined, storyId: 'd', blocks: ['Same line.'] },
    ]);
    expect([...t.keys()].sort()).toEqual(['X', 'Y']);
    expect(t.get('X')!.size + t.get('Y')!.size).toBe(0);
  });
  it('precomputed line keys give the same table as the blocks', () => {
    const pages = [
      { outlet: 'X', storyId: 'a', blocks: ['  • Privacy Policy', 'Story A text.', 'Shared   footer line'] },
      { outlet: 'X', storyId: 'b', blocks: ['privacy policy', 'Story B text.', 'shared footer line'] },
      { outlet: 'X', storyId: 'b', blocks: ['Story B text.'] },
    ];
    const withKeys = pages.map((p) => ({ ...p, keys: p.blocks.map(lineKey) }));
    expect(buildBoilerplateTable(withKeys)).toEqual(buildBoilerplateTable(pages));
    expect([...buildBoilerplateTable(withKeys).get('X')!]).toEqual(['privacy policy', 'shared footer line']);
  });
});
