/**
 * Line-shape tests for flattened page text: what a line looks like (bullet, prose, headline,
 * list marker), independent of its neighbours. The rules in clean-page.ts combine these.
 */
import { foldWhitespace, isWhiteSpace } from '../ingest/decode.js';

/** Bullet glyphs scrapers leave at the start of menu, tag and list lines. */
const BULLET = /^\s*(?:[•·▪●◦‣∙*]|-\s)\s*/u;
/** A sentence ends here: period, ?, !, Arabic question mark, ellipsis, optionally inside a quote. */
const SENTENCE_MARKS = '.!?؟…:;。！？';
/** Closing quotes and brackets that may follow the sentence mark. */
const CLOSERS = '"”»’\')]」』）';
/** A line ending in one of these closers ends a sentence whatever precedes it. */
const CLOSING_QUOTES = '"”»」';
/** A letter or digit (a word has one), and the scripts written without spaces (Han, kana, Thai). */
const WORD_CHAR = /[\p{L}\p{N}]/u;
const UNSPACED_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
/** Per BMP code unit, filled on first sight: bit 1 letter/digit, bit 2 unspaced script, bit 4 surrogate (tested as a pair). */
const UNIT_CLASS = new Uint8Array(0x10000).fill(0xff);

/**
 * Headers that open a list of links or comments, by reason. A marker never ends the article:
 * only the run of link-like lines right after it is removed (the text often goes on after it).
 */
const MARKERS: [RegExp, string][] = [
  [/^(related( news| articles| stories| content| topics)?|more (news|stories) ?(from|on)?.*|also read|read also|see also|you (may|might) also like|recommended( for you)?|more on this( story)?|read more:?|further reading)$/i, 'related-list'],
  [/^(don'?t miss|must read|more from [\w .&'-]{2,40}|more stories|latest stories|around the web|promoted stories|sponsored( stories| links)?)$/i, 'related-list'],
  [/^(most read|most popular|most viewed|trending( now)?|top stories|popular( now)?|editor'?s picks?)$/i, 'most-read'],
  [/^(read next|up next|next article|what to read next)$/i, 'read-next'],
  [/^(comments?|\d+ comments?|leave a (comment|reply)|join the conversation)$/i, 'comments'],
  [/^(breaking( news)?|latest( news)?|live updates|ticker)$/i, 'ticker'],
  [/^(coverage|stories|أقسام مهمة|أين يمكنك متابعتنا|مباشر)$/i, 'menu'],
  [/^(قراءة المزيد|اقرأ (أيضا|أيضاً|المزيد)|إقرأ أيضا|مواضيع (ذات صلة|متعلقة)|أخبار (ذات صلة|متعلقة)|ذات صلة|الأكثر (قراءة|مشاهدة)|اقرأ التالي):?$/u, 'related-list'],
  [/^(التعليقات|تعليقات|أضف تعليق(ا|اً)?)$/u, 'comments'],
];

/** Longest marker of bounded length: `more from ` and a 40-character name. */
const MAX_MARKER_CHARS = 50;
/** Characters (besides white space) stripped from the end of a line before the marker tests. */
const MARKER_TAIL = ':|»›>.…-';

/** A line that is only a link-list item prefix: `READ  Headline…` (seed 001). */
const READ_PREFIX = /^(READ|READ MORE|ALSO READ|SEE ALSO|SEE MORE|MORE|RELATED|WATCH)\b\s*[:|-]?\s+\S/u;
/** The same in mixed case needs its colon: `Read more: Headline`, `اقرأ أيضا: …`. */
const READ_LABEL = /^(read more|read also|also read|see also|see more|related|more|watch|اقرأ أيضا|اقرأ أيضاً|إقرأ أيضا|اقرأ المزيد)\s*[:|]\s*\S/iu;

export function isBulleted(line: string): boolean {
  return BULLET.test(line);
}

/** The line without its bullet and with runs of white space folded. */
export function lineText(line: string): string {
  // foldWhitespace skips the copy for lines already folded (most): lineText was top-3 in the profile.
  return foldWhitespace(line.replace(BULLET, ''));
}

/** Key for comparing lines across pages: folded white space, lower case, bullet out. */
export function lineKey(line: string): string {
  return lineText(line).toLowerCase();
}

/**
 * Words of a line: space-separated tokens holding a letter or digit, plus one per two characters
 * of unspaced scripts. One pass with a table lookup per character: the split + per-token regex it
 * replaced was the top self-time item of cleaning (bench/ingest.ts: 169 of 3600 ms).
 */
export function wordCount(text: string): number {
  return countWordsUpTo(text, Infinity);
}

/** `min(wordCount(text), limit)`, stopping the scan once `limit` words are seen (long prose lines). */
function countWordsUpTo(text: string, limit: number): number {
  let spaced = 0;
  let unspaced = 0;
  let hasWordChar = false;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 32) {
      if (hasWordChar) spaced++;
      hasWordChar = false;
      if (spaced + (unspaced >> 1) >= limit) return limit;
      continue;
    }
    let cls = UNIT_CLASS[unit]!;
    if (cls === 0xff) cls = classifyUnit(unit);
    if (cls & 4) {
      // Astral letters (and lone surrogates) are classified by the code point, as the u-flag regex does.
      const cp = text.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      cls = (WORD_CHAR.test(ch) ? 1 : 0) | (UNSPACED_CHAR.test(ch) ? 2 : 0);
      if (cp > 0xffff) i++;
    }
    if (cls & 1) hasWordChar = true;
    if (cls & 2) unspaced++;
  }
  if (hasWordChar) spaced++;
  return Math.min(limit, unspaced === 0 ? spaced : spaced + Math.floor(unspaced / 2));
}

/** A code unit's class, by the regexes, remembered: text uses a few hundred distinct characters. */
function classifyUnit(unit: number): number {
  const ch = String.fromCharCode(unit);
  const cls = unit >= 0xd800 && unit <= 0xdfff ? 4 : (WORD_CHAR.test(ch) ? 1 : 0) | (UNSPACED_CHAR.test(ch) ? 2 : 0);
  UNIT_CLASS[unit] = cls;
  return cls;
}

/** Ends in a sentence mark (optionally inside closing quotes), or in a closing quote. */
export function endsSentence(text: string): boolean {
  let end = text.length - 1;
  if (end < 0) return false;
  if (CLOSING_QUOTES.includes(text[end]!)) return true;
  // Scanned from the end: the anchored-at-end regex this replaces was tried at every position.
  while (end >= 0 && CLOSERS.includes(text[end]!)) end--;
  return end >= 0 && SENTENCE_MARKS.includes(text[end]!);
}

/** Words from which a line is running text whatever its end. */
const PROSE_WORDS = 25;

/** Running text: a sentence of some length, or long enough to be text whatever its end. */
export function isProse(text: string): boolean {
  const words = countWordsUpTo(text, PROSE_WORDS);
  return (words >= 6 && endsSentence(text) && !text.endsWith(':')) || words >= PROSE_WORDS;
}

/** Could be a headline: a few words, no closing period, not a list marker. */
export function isHeadlineLike(text: string): boolean {
  const words = wordCount(text);
  return words >= 3 && words <= 30 && text.length <= 220 && !/[.;]$/.test(text) && markerReason(text) === undefined;
}

/** The reason a list-opening marker line carries, if it is one. */
export function markerReason(text: string): string | undefined {
  // The end-anchored strip is tried at every position of the line: only run it when the line ends in one of its characters.
  // The trailing `[\s:|»›>.…-]+` stripped by a loop from the end: the end-anchored regex was tried at every position.
  let end = text.length;
  while (end > 0 && (MARKER_TAIL.includes(text[end - 1]!) || isWhiteSpace(text.charCodeAt(end - 1)))) end--;
  const t = text.slice(0, end).trim();
  // Only `more news…`/`more stories…` markers run longer than MAX_MARKER_CHARS: running text skips the nine tests.
  if (t.length > MAX_MARKER_CHARS && !/^more /i.test(t)) return undefined;
  for (const [re, reason] of MARKERS) if (re.test(t)) return reason;
  return undefined;
}

export function isReadPrefixLine(text: string): boolean {
  return READ_PREFIX.test(text) || READ_LABEL.test(text);
}

/** `Evgeniy Maloletka / AP`, `(AP Photo/…)`, `Photo: …`, a caption ending in `(Sputnik)`. */
export function isPhotoCredit(text: string): boolean {
  if (/^(photo|image|picture|credit|صورة|الصورة)\s*[:：]/iu.test(text)) return true;
  // Each test below runs only when the line has the character its pattern requires (`/`, `:`, a final `)`):
  // the patterns are tried at every position, and isPhotoCredit was top-10 in the profile.
  if (text.includes('/') && /^[\p{L}.' -]{2,40} ?\/ ?[\p{L}. -]{2,30}$/u.test(text) && wordCount(text) <= 6) return true;
  // Inline credits at the end of a caption: `…treatmentCredit: EPA`, `… (Image: GETTY )`.
  if (text.includes(':') && /(credit|image|photo|picture|source)s?\s*:\s*[^.!?]{1,60}\)?\s*$/iu.test(text) && /(credit|\((image|photo|picture))/iu.test(text)) return true;
  // `Natalie Naccache | Bloomberg | Getty Images`: a name and the agencies it shot for.
  if (text.includes('|') && PIPE_CREDIT.test(text) && wordCount(text) <= 8) return true;
  return text.endsWith(')') && /\((AP|AFP|Reuters|Sputnik|TASS|Getty Images|EPA|Anadolu|AP Photo[^)]*|Photo[^)]*|[^)]*;\s*Illustrated by[^)]*)\)$/u.test(text);
}

/** Names separated by `|`, the last a photo agency. */
const PIPE_CREDIT = /^[\p{L}.' -]{2,40}(?: ?\| ?[\p{L}.' -]{2,30}){0,2} ?\| ?(?:Getty Images|AP|AFP|Reuters|Bloomberg|EPA|Shutterstock|Alamy|Anadolu|Sputnik|TASS|PA|Xinhua)$/u;

/** `2 Min Read`, `5 minutes read`, `x` (a close button): page furniture next to the byline. */
export function isFurniture(text: string): boolean {
  return /^(\d+\s*(min|mins|minutes?)\s*read|x|×|share|share this|print|email|facebook|twitter|whatsapp|telegram|listen|advertisement|advert|إعلان|caption|close|image \d+ of \/? ?\d*|sign in|log in|subscribe|https?:\/\/\S+)$/iu.test(text);
}

/** `Updated 5:27 am CST…`, `| UPDATED: 11:05, Tue, Nov 19, 2019`, `Posted Nov 19`: a timestamp line. */
export function isTimestampLine(text: string): boolean {
  return /^[|·•\s]*(last )?(updated|posted|published|modified|تم التحديث|آخر تحديث|نشر)\b/iu.test(text) && /\d/.test(text) && wordCount(text) <= 14;
}

/** Networks a "follow us" line names (first letter in either case: the follow pattern is case-sensitive). */
const NETWORKS = String.raw`(?:[Tt]witter|X|[Ff]acebook|[Ii]nstagram|[Yy]ou[Tt]ube|[Tt]elegram|[Tt]ik[Tt]ok|[Ww]hats[Aa]pp|[Ll]inked[Ii]n|[Tt]hreads|تويتر|إكس|فيسبوك|فيس بوك|إنستغرام|انستغرام|إنستجرام|يوتيوب|تلغرام|تيليغرام|تلجرام|واتساب|تيك توك)(?![\p{L}\p{N}])`;
/**
 * Sign-offs that ask the reader to do something: follow, subscribe, send a tip. Following is
 * case-sensitive: whom to follow is a pronoun or a capitalised name (`Follow Newsbeat on
 * Instagram`), not a phrase (`follow the money on X`).
 */
const FOLLOW = new RegExp(
  [
    String.raw`^(?:[Ff]ollow (?:us|him|her|them|\p{Lu}[\p{L}\p{N}.’'-]*(?: \p{Lu}[\p{L}\p{N}.’'-]*){0,3}) (?:on|at) |تابع(?:ونا|وا|نا) .{0,60}(?:على|عبر) )${NETWORKS}`,
    // "Follow AP's full coverage of Brexit and British politics at https://…"
    String.raw`^[Ff]ollow \p{Lu}.{0,100} (?:at|on) https?:\/\/\S+$`,
  ].join('|'),
  'u',
);
/** A writer's bio ending in the sign-off: "… is out now. Follow him on Twitter @michaeldwall." */
const FOLLOW_INSIDE = new RegExp(String.raw`[.!?] Follow (?:us|him|her|them) (?:on|at) ${NETWORKS}`, 'u');
const SIGN_UP = new RegExp(
  [
    // "Get the latest updates right in your inbox", "Sign up for our newsletter", "Subscribe to NJ.com’s newsletters"
    String.raw`^(?:get|sign up|subscribe|register|receive) .{0,60}\b(?:newsletters?|your inbox)\b`,
    // "Have a tip? …", "Got a news tip? …"
    String.raw`^(?:have|got) a (?:news |story )?tip\?`,
    // "اشترك في نشرتنا البريدية", "سجّل في النشرة"
    String.raw`^(?:اشترك|اشتركوا|سجل|سجّل|سجلوا|سجّلوا) (?:الآن )?(?:في|ب) ?(?:نشرتنا|النشرة)`,
  ].join('|'),
  'iu',
);

/**
 * A line that asks the reader to follow the outlet, sign up for its newsletter or send a tip: the
 * outlet's sign-off, not the article (on the extraction dev pages such lines were kept on 5 of 91
 * and are part of no gold text). Anchored at a sentence start (the line's, or for a follow, one
 * inside it), so a sentence that only mentions a newsletter stays ("You can also subscribe to this
 * newsletter here", a gold line).
 */
export function isCallToAction(text: string): boolean {
  // Length first, the anchored patterns next; the one that looks inside the line only where it
  // can match (cleaning tests every line of every page).
  if (text.length > MAX_SIGN_OFF_CHARS) return false;
  return (FOLLOW.test(text) || SIGN_UP.test(text) || (text.includes(' Follow ') && FOLLOW_INSIDE.test(text))) && wordCount(text) <= MAX_CALL_TO_ACTION_WORDS;
}

/**
 * What the page's machinery prints in place of something that did not render: a notice that a
 * slideshow or player needs JavaScript, an unexpanded WordPress shortcode (`[button link=…]Send
 * us YOUR kit review[/button]`).
 */
export function isUnrenderedWidget(text: string): boolean {
  // The regex only where the word is: this runs on every line of every page.
  if (/javascript/i.test(text) && /\b(?:requires?|enable|turn on|activate) javascript\b/iu.test(text) && wordCount(text) <= 14) return true;
  return text.startsWith('[') && /^\[[a-z_-]+(?:[ =][^\]]*)?\].*\[\/[a-z_-]+\]$/iu.test(text);
}

/**
 * A breadcrumb trail that ends in the article's own title (`Home › Sport News › <title>`,
 * `HomeSPORT NEWS<title>` where the links' text ran together): a few words before the title,
 * starting at the site's home or separated by a trail mark.
 */
export function isBreadcrumbOf(text: string, title: string): boolean {
  const t = title.trim();
  if (t === '' || text.length <= t.length || !text.toLowerCase().endsWith(t.toLowerCase())) return false;
  const trail = text.slice(0, text.length - t.length).trim();
  // `Home` glued to the next link or followed by a mark, not `Home secretary says …`.
  return wordCount(trail) <= MAX_TRAIL_WORDS && (/[»›>|\/]/u.test(trail) || /^(?:Home|HOME|Accueil|Inicio|Startseite)(?=\p{Lu}|$)|^الرئيسية(?:\s|$)/u.test(trail));
}

/** Links a breadcrumb trail has before the title (home, section, subsection…), as words. */
const MAX_TRAIL_WORDS = 8;

/** A sign-off line is a sentence or two: words, and characters (a quick first test, ~12 a word at most). */
const MAX_CALL_TO_ACTION_WORDS = 40;
const MAX_SIGN_OFF_CHARS = 480;

/** A phone number next to its label, either side (`202-628-8500 tel`, `هاتف: 971-4-3456789`). */
const LABELLED_PHONE = (() => {
  const label = String.raw`(?<![\p{L}\p{N}])(?:tel|fax|phone|telephone|هاتف|فاكس)(?![\p{L}\p{N}])`;
  const number = String.raw`\+?\(?\d[\d ().-]{5,18}\d`;
  return new RegExp(String.raw`${label}[.:]?\s*${number}|${number}\s*${label}`, 'giu');
})();

/**
 * The outlet's postal and phone contact (`… Washington DC 20006 | 202-628-8500 tel | 202-628-8503
 * fax`): a short line with two phone numbers, each next to its label. A sentence quoting one
 * number, or naming a phone beside year ranges, keeps its line.
 */
export function isContactLine(text: string): boolean {
  // A digit run first: most lines have none, and the labelled-number pattern scans the whole line.
  return text.length <= MAX_SIGN_OFF_CHARS && /\d{3}/.test(text) && (text.match(LABELLED_PHONE) ?? []).length >= 2 && wordCount(text) <= MAX_CALL_TO_ACTION_WORDS;
}

/** Copyright and rights lines: site footer wherever Readability leaves them. */
export function isCopyrightLine(text: string): boolean {
  return /©|\(c\) ?\d{4}|copyright|all rights reserved|جميع الحقوق محفوظة/iu.test(text) && wordCount(text) <= 40;
}
