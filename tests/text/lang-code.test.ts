import { describe, expect, it } from 'vitest';
import { languageCode } from '../../src/text/lang-code.js';
import { cleanCorpus, parseInput, parseOutletsYaml } from '../../src/ingest/index.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

describe('languageCode', () => {
  it('reads tags, case and names as exports write them', () => {
    const cases: [string | undefined, string | undefined][] = [
      ['en', 'en'], ['EN', 'en'], ['en-US', 'en'], ['en_GB', 'en'], ['English', 'en'], [' ar ', 'ar'], ['ar-SA', 'ar'],
      ['Arabic', 'ar'], ['العربية', 'ar'], ['عربي', 'ar'], ['Русский', 'ru'], ['zh-Hant-TW', 'zh'],
      ['', undefined], [undefined, undefined], ['not a language', undefined], ['12', undefined],
    ];
    for (const [value, code] of cases) expect(languageCode(value), String(value)).toBe(code);
  });

  it('a record in ar-SA is Arabic to the outlet aliases (RT + ar → RT Arabic); one in no known form is detected from its text', () => {
    const outlets = parseOutletsYaml(readFileSync(fileURLToPath(new URL('../../lexicons/outlets.yaml', import.meta.url)), 'utf8'), 'outlets.yaml');
    const line = (id: string, lang: string) => JSON.stringify({ id, lang, outlet: 'RT', text: 'قال لافروف إن نظام كييف يرفض المفاوضات في جنيف يوم الاثنين.' });
    const docs = parseInput({ path: 'r.jsonl', bytes: new TextEncoder().encode(`${line('1', 'ar-SA')}\n${line('2', 'not a language')}\n`) }).docs;
    expect(cleanCorpus(docs, outlets).articles.map(({ lang, outlet }) => ({ lang, outlet }))).toEqual([
      { lang: 'ar', outlet: 'RT Arabic' },
      { lang: 'ar', outlet: 'RT Arabic' },
    ]);
  });
});
