import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDate, isDateLine, parseByline, parseSourceLine, agencySignOff, parseDateField, dayOrderOf } from '../../src/clean/metadata.js';
import { parseOutletsYaml } from '../../src/ingest/outlets.js';

const outlets = parseOutletsYaml(readFileSync(fileURLToPath(new URL('../../lexicons/outlets.yaml', import.meta.url)), 'utf8'), 'outlets.yaml');

describe('parseDate', () => {
  it.each([
    ['26 Feb 2022 19:54', '2022-02-26'],
    ['2022-02-26T19:54:00Z', '2022-02-26'],
    ['February 26, 2022', '2022-02-26'],
    ['Updated 5:27 am CST, Wednesday, November 20, 2019', '2019-11-20'],
    ['3 Sept 2021', '2021-09-03'],
    ['12 مايو/ أيار 2020', '2020-05-12'],
    ['١٢ مايو 2020', '2020-05-12'],
    ['1 كانون الثاني 2021', '2021-01-01'],
    ['5 تشرين الأول 2019', '2019-10-05'],
  ])('%s → %s', (text, iso) => expect(parseDate(text)).toBe(iso));

  it.each([['12/03/2020'], ['31 Feb 2022'], ['12 مايو/ حزيران 2020'], ['no date here'], ['26 Foo 2022']])('%s is not guessed', (text) => {
    expect(parseDate(text)).toBeUndefined();
  });

  it('a date line is a date and little else', () => {
    expect(isDateLine('26 Feb 2022 19:54')).toBe(true);
    expect(isDateLine('On 26 Feb 2022 the talks in the capital collapsed after a long night of arguments about the terms')).toBe(false);
  });
});

describe('byline, source and sign-off lines', () => {
  it('reads bylines in English and Arabic', () => {
    expect(parseByline('By Al Mayadeen Net')).toBe('Al Mayadeen Net');
    expect(parseByline('بقلم سارة خليل')).toBe('سارة خليل');
    expect(parseByline('Bystanders gathered')).toBeUndefined();
  });
  it('reads Source: and المصدر: lines', () => {
    expect(parseSourceLine('Source: Agencies')).toBe('Agencies');
    expect(parseSourceLine('المصدر: RT')).toBe('RT');
    expect(parseSourceLine('Sources say the deal is close')).toBeUndefined();
  });
  it('an agency alone on a line is a sign-off, in canonical spelling; outlets are not', () => {
    expect(agencySignOff('AP', outlets)).toBe('AP');
    expect(agencySignOff('بلومبرج نيوز', outlets)).toBe('Bloomberg News');
    expect(agencySignOff('Reuters', outlets)).toBe('Reuters');
    expect(agencySignOff('Al Mayadeen English', outlets)).toBeUndefined();
    expect(agencySignOff('AP reported that the talks failed', outlets)).toBeUndefined();
  });
});

describe('isDateLine fast path', () => {
  it('equals its definition: a stated date with at most 6 other words', () => {
    const piece = fc.constantFrom('26', 'Feb', '2022', '19:54', ' ', '  ', '\t', '-', '–', ',', '/', '.', 'Monday', 'updated', '١٢', 'مارس', '٢٠٢٠', '2022-02-26', 'Sept', '3rd', 'x');
    const line = fc.array(piece, { maxLength: 14 }).map((p) => p.join(''));
    fc.assert(fc.property(line, (t) => {
      expect(isDateLine(t)).toBe(parseDate(t) !== undefined && t.replace(/[\d:,./\-–]/g, '').trim().split(/\s+/).length <= 6);
    }), { numRuns: 3000 });
  });
});

describe('dayOrderOf', () => {
  it('is the order some value proves and none contradicts', () => {
    expect(dayOrderOf(['03/04/2024', '25/03/2024', 'March 3, 2024'])).toBe('day-first');
    expect(dayOrderOf(['03/04/2024', '03/25/2024'])).toBe('month-first');
    expect(dayOrderOf(['03/04/2024', '2024-03-25', '11/12/2024'])).toBeUndefined();
    expect(dayOrderOf(['25/03/2024', '03/25/2024'])).toBeUndefined();
    expect(dayOrderOf([])).toBeUndefined();
  });
});

describe('parseDateField (a field that holds a date) and page lines', () => {
  it('reads year-first slash and dot dates in a field, but a page line with one is not a dateline', () => {
    expect(parseDateField('2024/03/16')).toBe('2024-03-16');
    expect(parseDateField('2018.04.05 10:00')).toBe('2018-04-05');
    expect(parseDateField('2024-03-16T23:30:00-05:00')).toBe('2024-03-16');
    expect(parseDateField('03/04/2024')).toBeUndefined();
    expect(parseDateField('2024/02/30')).toBeUndefined();
    // Day and month as numbers: read when one is above 12, or in the order the source is known to use.
    expect(parseDateField('16/03/2024')).toBe('2024-03-16');
    expect(parseDateField('03/16/2024 10:00')).toBe('2024-03-16');
    expect(parseDateField('16.03.2024')).toBe('2024-03-16');
    expect(parseDateField('03/04/2024', 'day-first')).toBe('2024-04-03');
    expect(parseDateField('03/04/2024', 'month-first')).toBe('2024-03-04');
    expect(parseDateField('31/02/2024')).toBeUndefined();
    expect(parseDateField('16/03-2024')).toBeUndefined();
    expect(parseDateField('13/13/2024')).toBeUndefined();
    // Page text keeps to parseDate: a numeric date there is not a dateline.
    expect(parseDate('16/03/2024')).toBeUndefined();
    // A show's run in an article's text (an extraction dev page lost it as a "date" line).
    expect(parseDate('2018.04.05 ~ OPEN RUN')).toBeUndefined();
    expect(isDateLine('2018.04.05 ~ OPEN RUN')).toBe(false);
  });
});
