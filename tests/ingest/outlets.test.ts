import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseOutletsYaml, canonicalOutlet, findOutlet, hostOf } from '../../src/ingest/outlets.js';

const BUNDLED = fileURLToPath(new URL('../../lexicons/outlets.yaml', import.meta.url));
const outlets = parseOutletsYaml(readFileSync(BUNDLED, 'utf8'), 'lexicons/outlets.yaml');

describe('parseOutletsYaml', () => {
  it('loads the bundled file with the outlets the seeds need', () => {
    const names = outlets.map((o) => o.name);
    for (const n of ['RT', 'RT Arabic', 'Al Mayadeen English', 'Al Mayadeen', 'Qsarpress', 'Sputnik', 'TASS', 'Reuters', 'AP', 'Bloomberg News']) {
      expect(names).toContain(n);
    }
    expect(outlets.find((o) => o.name === 'RT')!.byLang).toMatchObject({ ar: 'RT Arabic' });
  });

  it.each([
    ['not a mapping', '- a\n- b\n', /^o\.yaml:1: expected a mapping/],
    ['no outlets list', 'outlets: RT\n', /^o\.yaml:1: expected `outlets:` to be a list/],
    ['entry without name', 'outlets:\n  - name: RT\n  - aliases: [x]\n', /^o\.yaml:3: outlet entry has no `name:`/],
    ['alias used twice', 'outlets:\n  - name: RT\n    aliases: [rt]\n  - name: Other\n    aliases: [RT]\n', /^o\.yaml:4: outlet Other: alias "rt" is also used by RT/],
    ['bad by_lang', 'outlets:\n  - name: RT\n    by_lang: [ar]\n', /^o\.yaml:3: outlet RT: `by_lang` must map/],
    ['YAML syntax', 'outlets:\n  - name: [RT\n', /^o\.yaml:\d+: YAML syntax error/],
  ])('%s fails with file:line and what to fix', (_label, text, message) => {
    expect(() => parseOutletsYaml(text, 'o.yaml')).toThrow(message);
  });
});

describe('canonicalOutlet', () => {
  it('maps aliases, NewsSniffer ids and domains to one name', () => {
    expect(canonicalOutlet('rtcom', 'en', outlets)).toBe('RT');
    expect(canonicalOutlet('https://www.rt.com/news/1-x/', 'en', outlets)).toBe('RT');
    expect(canonicalOutlet('AL MAYADEEN ENGLISH', 'en', outlets)).toBe('Al Mayadeen English');
  });
  it('uses the language name where the file gives one (RT + Arabic → RT Arabic)', () => {
    expect(canonicalOutlet('RT', 'ar', outlets)).toBe('RT Arabic');
  });
  it('prefers the most specific domain', () => {
    expect(canonicalOutlet('https://arabic.rt.com/world/1/', 'ar', outlets)).toBe('RT Arabic');
    expect(findOutlet('https://english.almayadeen.net/news/x', outlets)!.name).toBe('Al Mayadeen English');
  });
  it('no hint → unknown; an unlisted name is kept as written; an unlisted URL gives its host', () => {
    expect(canonicalOutlet(undefined, 'en', outlets)).toBe('unknown');
    expect(canonicalOutlet('  ', 'en', outlets)).toBe('unknown');
    expect(canonicalOutlet('Some Local Paper', 'en', outlets)).toBe('Some Local Paper');
    expect(canonicalOutlet('https://www.example.org/a', 'en', outlets)).toBe('example.org');
  });
  it('prototype-unsafe names are plain strings', () => {
    expect(canonicalOutlet('constructor', 'en', outlets)).toBe('constructor');
    expect(canonicalOutlet('__proto__', 'ar', outlets)).toBe('__proto__');
    expect(hostOf('__proto__')).toBeUndefined();
  });
});
