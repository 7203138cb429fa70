/**
 * Metadata lines in flattened pages: dates, bylines, `Source:` lines and agency sign-offs.
 * Dates are read only from what the page states (English and Arabic month names, ISO); a date
 * that cannot be read unambiguously is left empty, never guessed.
 */
import { aliasKey, findOutlet } from '../ingest/outlets.js';
import { isWhiteSpace } from '../ingest/decode.js';
import type { OutletAlias } from '../types.js';

const EN_MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
/** Arabic month names, Egyptian/Gulf (يناير…) and Levantine (كانون الثاني…) series, after folding. */
const AR_MONTHS: [string, number][] = [
  ['يناير', 1], ['كانون الثاني', 1], ['فبراير', 2], ['شباط', 2], ['مارس', 3], ['اذار', 3],
  ['ابريل', 4], ['نيسان', 4], ['مايو', 5], ['ايار', 5], ['يونيو', 6], ['يونيه', 6], ['حزيران', 6],
  ['يوليو', 7], ['يوليه', 7], ['تموز', 7], ['اغسطس', 8], ['اب', 8], ['سبتمبر', 9], ['ايلول', 9],
  ['اكتوبر', 10], ['تشرين الاول', 10], ['نوفمبر', 11], ['تشرين الثاني', 11], ['ديسمبر', 12], ['كانون الاول', 12],
];
const AR_MONTH_OF = new Map(AR_MONTHS);
/**
 * Canonical names (as in outlets.yaml) of news agencies: a line that is only one of these is an
 * agency sign-off or credit, not a masthead. Outlets in general are not credits.
 */
const AGENCIES = new Set(['AP', 'Reuters', 'AFP', 'Bloomberg News', 'Sputnik', 'TASS', 'RIA Novosti', 'Xinhua', 'Anadolu', 'DPA', 'EFE', 'ANSA', 'UPI', 'Interfax', 'IRNA', 'SANA', 'WAFA', 'Agencies']);
/** Lower-cased agency name → name, first listed wins (was a copy of the set and 18 toLowerCase per line). */
const AGENCY_BY_KEY = new Map<string, string>();
for (const a of AGENCIES) if (!AGENCY_BY_KEY.has(a.toLowerCase())) AGENCY_BY_KEY.set(a.toLowerCase(), a);

/** An ASCII or Arabic-Indic digit. */
const HAS_DIGIT = /[0-9٠-٩]/;

/** `YYYY-MM-DD` from a stated date, or undefined. */
export function parseDate(text: string): string | undefined {
  // Every date form below has a digit; most lines have none, and this test is far cheaper (bench/ingest.ts).
  if (!HAS_DIGIT.test(text)) return undefined;
  const t = text.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/\s+/g, ' ');
  let m = /\b(\d{4})-(\d{2})-(\d{2})(?!\d)/.exec(t);
  if (m) return valid(+m[1]!, +m[2]!, +m[3]!);
  m = /\b(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]{3,9})\.?,? (\d{4})\b/.exec(t);
  if (m) {
    const mon = EN_MONTHS[m[2]!.slice(0, m[2]!.toLowerCase().startsWith('sept') ? 4 : 3).toLowerCase()];
    if (mon) return valid(+m[3]!, mon, +m[1]!);
  }
  m = /\b([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b/.exec(t);
  if (m) {
    const mon = EN_MONTHS[m[1]!.slice(0, m[1]!.toLowerCase().startsWith('sept') ? 4 : 3).toLowerCase()];
    if (mon) return valid(+m[3]!, mon, +m[2]!);
  }
  return parseArabicDate(t);
}

/**
 * `YYYY-MM-DD` from a date field (a record's `date`, a page's `<meta>` date): `parseDate`'s forms,
 * year first with slashes or dots (`2024/03/16`, `2024.03.16`), and day and month in either order
 * (`16/03/2024`, `03/16/2024`) when one of the two is above 12 — unambiguous in a field that holds
 * a date. Not in `parseDate`: in a page's text such a line is as often a show's run
 * (`2018.04.05 ~ OPEN RUN`) as a dateline, and `isDateLine` would remove it. `03/04/2024` is
 * left unless `order` says how the field's source writes dates (`dayOrderOf`); a Unix time is left.
 */
export function parseDateField(value: string, order?: DayOrder): string | undefined {
  const day = parseDate(value);
  if (day !== undefined) return day;
  const m = /^\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?!\d)/.exec(value);
  if (m) return valid(+m[1]!, +m[2]!, +m[3]!);
  const numeric = NUMERIC_DATE.exec(value);
  if (!numeric) return undefined;
  const [a, b, year] = [+numeric[1]!, +numeric[3]!, +numeric[4]!];
  const stated = orderOf(a, b) ?? order;
  return stated === undefined ? undefined : stated === 'day-first' ? valid(year, b, a) : valid(year, a, b);
}

/** Day and month first or month and day, as a source writes its numeric dates. */
export type DayOrder = 'day-first' | 'month-first';

/** `16/03/2024`, `03-16-2024`, `16.03.2024` (a time may follow): two one- or two-digit numbers and a four-digit year. */
const NUMERIC_DATE = /^\s*(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?!\d)/;

/** The order a numeric date's own numbers prove (a number above 12 is the day), or undefined. */
function orderOf(a: number, b: number): DayOrder | undefined {
  if (a > 12 && b >= 1 && b <= 12) return 'day-first';
  if (b > 12 && a >= 1 && a <= 12) return 'month-first';
  return undefined;
}

/**
 * How one source (a file of records) writes numeric dates, told from its date values: day first
 * when some value's first number is above 12 and none's second is, month first the other way
 * round; undefined when no value settles it or values disagree (then `03/04/2024` stays unread).
 * The same inference as a spreadsheet user's: one `25/03/2024` in a column shows what `03/04/2024`
 * means there.
 */
export function dayOrderOf(values: Iterable<string>): DayOrder | undefined {
  const seen = new DayOrderEvidence();
  for (const value of values) seen.add(value);
  return seen.order();
}

/** What a source's date values show of its day order, gathered one value at a time (`dayOrderOf`). */
export class DayOrderEvidence {
  private dayFirst = false;
  private monthFirst = false;

  add(value: string): void {
    const m = NUMERIC_DATE.exec(value);
    if (!m) return;
    const order = orderOf(+m[1]!, +m[3]!);
    if (order === 'day-first') this.dayFirst = true;
    else if (order === 'month-first') this.monthFirst = true;
  }

  order(): DayOrder | undefined {
    return this.dayFirst === this.monthFirst ? undefined : this.dayFirst ? 'day-first' : 'month-first';
  }
}

function parseArabicDate(t: string): string | undefined {
  const m = /(\d{1,2})\s+([\u0600-\u06FF/ ]+?)\s*(\d{4})/u.exec(t);
  if (!m) return undefined;
  const names = m[2]!.split('/').map((s) => foldArabic(s.trim())).filter(Boolean);
  const months = new Set(names.map((n) => AR_MONTH_OF.get(n)).filter((x) => x !== undefined));
  // Both series named (`مايو/ أيار`) must agree; one unknown name means no date.
  if (months.size !== 1 || names.some((n) => !AR_MONTH_OF.has(n))) return undefined;
  return valid(+m[3]!, [...months][0]!, +m[1]!);
}

function foldArabic(s: string): string {
  return s.replace(/[أإآ]/g, 'ا').replace(/ى/g, 'ي').replace(/\s+/g, ' ');
}

function valid(y: number, mo: number, d: number): string | undefined {
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A line that is a date and little else (a timestamp in a byline block). */
export function isDateLine(text: string): boolean {
  // Cheapest test first (no digit, no date), then the word count, then the date regexes (isDateLine was top-3 in the profile).
  return HAS_DIGIT.test(text) && wordsBesidesDate(text) <= 6 && parseDate(text) !== undefined;
}

/** Characters of a date or time, not counted as words next to it. */
const DATE_CHARS = '0123456789:,./-–';

/**
 * Words left once digits and date punctuation are dropped (at least 1, counted up to 7), i.e.
 * `text.replace(/[\d:,./\-–]/g, '').trim().split(/\s+/).length` without building the strings.
 */
function wordsBesidesDate(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length && words <= 6; i++) {
    const ch = text[i]!;
    if (isSpace(ch)) {
      if (inWord) words++;
      inWord = false;
    } else if (!DATE_CHARS.includes(ch)) inWord = true;
  }
  return Math.max(1, inWord ? words + 1 : words);
}

/** `By Name` / `بقلم Name` / `كتب Name`: the byline's name. */
export function parseByline(text: string): string | undefined {
  const m = /^(?:by|written by|بقلم|كتب|كتبت|إعداد)[:\s]+(.{2,80})$/iu.exec(text.trim());
  return m?.[1]?.trim();
}

/** `Source: Agencies` / `المصدر: RT`: the credited source, as written. */
export function parseSourceLine(text: string): string | undefined {
  const m = /^(?:source|sources|المصدر|المصادر)\s*[:：]\s*(.{1,60})$/iu.exec(text.trim());
  return m?.[1]?.trim();
}

/** Canonical credit name: an outlets.yaml name when it knows the string, else the string. */
export function canonicalCredit(name: string, outlets: readonly OutletAlias[]): string {
  return findOutlet(name, outlets)?.name ?? name.trim();
}

/** The agency a line names when the line is nothing but an agency (`AP`, `بلومبرج نيوز`). */
export function agencySignOff(text: string, outlets: readonly OutletAlias[]): string | undefined {
  // Running text has more than 4 words: rejected before building its alias key (aliasKey was top-5 in the profile).
  if (solidTokens(text, 5) > 4) return undefined;
  const key = aliasKey(text);
  if (key === '' || wordCount(key) > 4) return undefined;
  const entry = findOutlet(key, outlets);
  const name = entry?.name ?? AGENCY_BY_KEY.get(key);
  return name !== undefined && AGENCIES.has(name) ? name : undefined;
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** Characters `aliasKey` strips from the ends of a name (white space aside). */
const KEY_TRIM = '"\'“”«».,:;|-';

/**
 * Space-separated tokens (counted up to `limit`) holding a character `aliasKey` neither strips nor
 * folds: each survives in the key as its own word, so this is a lower bound of `wordCount(aliasKey(s))`.
 */
function solidTokens(s: string, limit: number): number {
  let count = 0;
  let solid = false;
  for (let i = 0; i < s.length && count < limit; i++) {
    const ch = s[i]!;
    if (ch === ' ') {
      if (solid) count++;
      solid = false;
    } else if (!solid && !KEY_TRIM.includes(ch) && !isSpace(ch)) solid = true;
  }
  return solid ? count + 1 : count;
}

function isSpace(ch: string): boolean {
  return isWhiteSpace(ch.charCodeAt(0));
}
