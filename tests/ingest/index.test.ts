import { describe, expect, it } from 'vitest';
import * as ingest from '../../src/ingest/index.js';

describe('src/ingest public API', () => {
  it('exports exactly the documented functions', () => {
    expect(Object.keys(ingest).sort()).toEqual(['cleanCorpus', 'detectLanguage', 'diffVersions', 'parseInput', 'parseManifest', 'parseOutletsYaml']);
    for (const f of Object.values(ingest)) expect(typeof f).toBe('function');
  });
});
