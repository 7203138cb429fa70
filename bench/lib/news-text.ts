/**
 * News-like text: events with shared names, places, numbers and keywords, and the sentences,
 * quotes and headlines outlets write about them. Each outlet's article paraphrases the event's
 * core facts (sentences dropped, reordered, words replaced) and adds its own sentences, quotes
 * and framing terms, so articles about one event are similar but never copies.
 */
import { DISTANCERS, NEGATIONS } from './framing-terms.js';
import type { FramingConcept } from './framing-terms.js';
import type { Outlet } from './outlets.js';
import { createRandom, pickInt, pickOne, shuffle } from './prng.js';
import type { Random } from './prng.js';
import { makeName } from './vocabulary.js';
import type { BenchLang, Vocabulary } from './vocabulary.js';

export interface NewsEvent {
  index: number;
  /** `YYYY-MM-DD`, within one year. */
  date: string;
  seed: number;
  places: { en: string; ar: string }[];
  people: { en: string; ar: string }[];
  numbers: number[];
  keywords: Record<BenchLang, string[]>;
  /** Core sentences per language, built on first use from the event's own seed. */
  facts: Partial<Record<BenchLang, { title: string; sentences: string[] }>>;
}

export interface TextKit {
  words: Record<BenchLang, Vocabulary>;
  framing: FramingConcept[];
}

const YEAR = 2024;
const EN_ROLES = ['the foreign minister', 'a defence ministry spokesman', 'the regional governor', 'the deputy prime minister',
  'an aid official', 'the mayor', 'a senior diplomat', 'the energy minister', 'a military analyst', 'a local official'];
const AR_ROLES = ['وزير الخارجية', 'المتحدث باسم وزارة الدفاع', 'حاكم المنطقة', 'نائب رئيس الوزراء', 'مسؤول الإغاثة',
  'رئيس البلدية', 'دبلوماسي رفيع', 'وزير الطاقة', 'محلل عسكري', 'مسؤول محلي'];
const EN_SAYS = ['said', 'told reporters', 'said on Monday', 'stressed', 'added', 'warned', 'claimed', 'noted'];
const EN_ORGS = ['the United Nations', 'local authorities', 'the regional administration', 'officials', 'witnesses',
  'the defence ministry', 'aid groups', 'state media'];
const AR_ORGS = ['الأمم المتحدة', 'السلطات المحلية', 'الإدارة الإقليمية', 'مسؤولين', 'شهود عيان', 'وزارة الدفاع', 'منظمات إغاثة'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const AR_WEEKDAYS = ['الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت', 'الأحد'];
/** Quote marks of several styles (CONTRACT.md: quotes "of any style"). */
const EN_QUOTES: readonly (readonly [string, string])[] = [['“', '”'], ['"', '"'], ['‘', '’']];
const AR_QUOTES: readonly (readonly [string, string])[] = [['«', '»'], ['"', '"'], ['“', '”']];

/** A new event: its date, names, numbers and keywords (real words of middle rank, a few rare ones). */
export function createEvent(random: Random, index: number, kit: TextKit): NewsEvent {
  const day = pickInt(random, 0, 365);
  const date = new Date(Date.UTC(YEAR, 0, 1 + day)).toISOString().slice(0, 10);
  const keywords = (lang: BenchLang): string[] => [
    ...Array.from({ length: 8 }, () => kit.words[lang].drawBetween(random, lang === 'en' ? 250 : 120, lang === 'en' ? 4000 : 900)),
    ...Array.from({ length: 3 }, () => kit.words[lang].drawBetween(random, 4000, kit.words[lang].size)),
  ];
  return {
    index, date, seed: Math.floor(random() * 2 ** 32),
    places: Array.from({ length: 2 }, () => makeName(random, pickInt(random, 2, 4))),
    people: Array.from({ length: 3 }, () => {
      const first = makeName(random, 2);
      const last = makeName(random, pickInt(random, 2, 3));
      return { en: `${first.en} ${last.en}`, ar: `${first.ar} ${last.ar}` };
    }),
    numbers: [pickInt(random, 2, 60), pickInt(random, 10, 900), pickInt(random, 1000, 90000)],
    keywords: { en: keywords('en'), ar: keywords('ar') },
    facts: {},
  };
}

/** The event's core title and sentences in `lang` (deterministic from the event's seed). */
export function eventFacts(event: NewsEvent, lang: BenchLang, kit: TextKit): { title: string; sentences: string[] } {
  const cached = event.facts[lang];
  if (cached) return cached;
  const random = createRandom(event.seed ^ (lang === 'en' ? 0x51ed : 0xa2b3));
  const sentences = Array.from({ length: 12 }, (_, i) => (i % 4 === 3 ? numberSentence : factSentence)(random, event, lang, kit));
  const facts = { title: eventHeadline(random, event, lang, kit), sentences };
  event.facts[lang] = facts;
  return facts;
}

/** A run of Zipf-drawn words, with event keywords mixed in at `keywordShare`. */
function phrase(random: Random, kit: TextKit, lang: BenchLang, min: number, max: number, keywords: readonly string[] = [], keywordShare = 0.2): string {
  const n = pickInt(random, min, max);
  const words: string[] = [];
  for (let i = 0; i < n; i++) {
    words.push(keywords.length > 0 && random() < keywordShare ? pickOne(random, keywords) : kit.words[lang].draw(random));
  }
  return words.join(' ');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function factSentence(random: Random, event: NewsEvent, lang: BenchLang, kit: TextKit): string {
  const kw = event.keywords[lang];
  const person = pickOne(random, event.people)[lang];
  const place = pickOne(random, event.places)[lang];
  const w = (min: number, max: number): string => phrase(random, kit, lang, min, max, kw, 0.3);
  if (lang === 'en') {
    return pickOne(random, [
      () => `${capitalise(w(6, 14))} in ${place}, ${pickOne(random, EN_ROLES)} ${person} said on ${pickOne(random, WEEKDAYS)}.`,
      () => `${person}, ${pickOne(random, EN_ROLES)}, said ${w(8, 18)}.`,
      () => `${capitalise(w(8, 16))}, according to ${pickOne(random, EN_ORGS)} in ${place}.`,
      () => `${capitalise(w(10, 22))}, ${w(4, 10)}.`,
    ])();
  }
  return pickOne(random, [
    () => `وقال ${pickOne(random, AR_ROLES)} ${person} يوم ${pickOne(random, AR_WEEKDAYS)} إن ${w(6, 14)} في ${place}.`,
    () => `وأضاف ${person} أن ${w(8, 18)}.`,
    () => `وبحسب ${pickOne(random, AR_ORGS)} في ${place}، ${w(8, 16)}.`,
    () => `${w(10, 22)}، ${w(4, 10)}.`,
  ])();
}

function numberSentence(random: Random, event: NewsEvent, lang: BenchLang, kit: TextKit): string {
  const [a = 3, b = 40, c = 1200] = event.numbers;
  const place = pickOne(random, event.places)[lang];
  const w = (min: number, max: number): string => phrase(random, kit, lang, min, max, event.keywords[lang], 0.3);
  return lang === 'en'
    ? `At least ${a} people were killed and ${a + b} wounded in ${place}, where ${c.toLocaleString('en-US')} ${w(3, 8)}.`
    : `قتل ${a} أشخاص على الأقل وأصيب ${a + b} آخرون في ${place}، حيث ${c} ${w(3, 8)}.`;
}

function eventHeadline(random: Random, event: NewsEvent, lang: BenchLang, kit: TextKit): string {
  const kw = event.keywords[lang];
  const person = pickOne(random, event.people)[lang];
  const place = pickOne(random, event.places)[lang];
  if (lang === 'en') {
    return pickOne(random, [
      () => `${person.split(' ')[1]}: ${capitalise(phrase(random, kit, lang, 4, 8, kw, 0.5))}`,
      () => `${capitalise(pickOne(random, kw))} ${phrase(random, kit, lang, 2, 5, kw)} in ${place}`,
      () => `${event.numbers[0] ?? 3} killed in ${place} as ${phrase(random, kit, lang, 3, 6, kw, 0.4)}`,
    ])();
  }
  return pickOne(random, [
    () => `${person.split(' ')[1]}: ${phrase(random, kit, lang, 4, 8, kw, 0.5)}`,
    () => `${pickOne(random, kw)} ${phrase(random, kit, lang, 2, 5, kw)} في ${place}`,
  ])();
}

/** A headline for chrome lists (ticker, related, most read): no event, sometimes a loaded term. */
export function chromeHeadline(random: Random, lang: BenchLang, kit: TextKit): string {
  const text = capitalise(phrase(random, kit, lang, 5, 11));
  if (random() < 0.3) return `${text} ${pickTerm(random, kit.framing, lang, pickOne(random, [1, -1]))}`;
  return text;
}

/** A term of a concept on side `sign` (0: neutral) that has terms in `lang`. */
function pickTerm(random: Random, framing: readonly FramingConcept[], lang: BenchLang, sign: number, favoured?: Set<string>): string {
  const side = framing.filter((concept) => concept.axis === sign && concept[lang].length > 0);
  const pool = side.length > 0 ? side : framing.filter((concept) => concept[lang].length > 0);
  const preferred = favoured ? pool.filter((concept) => favoured.has(concept.id)) : [];
  const concept = preferred.length > 0 && random() < 0.8 ? pickOne(random, preferred) : pickOne(random, pool);
  return pickOne(random, concept[lang]);
}

/** One framing term as the outlet would choose it: mostly its own side's, now and then the other's. */
function outletTerm(random: Random, outlet: Outlet, kit: TextKit): { term: string; own: boolean } {
  if (random() < 0.15) return { term: pickTerm(random, kit.framing, outlet.lang, 0), own: true };
  const leaning = outlet.stance === 0 ? (random() < 0.5 ? 1 : -1) : Math.sign(outlet.stance);
  const own = random() < 0.5 + 0.45 * Math.abs(outlet.stance);
  return { term: pickTerm(random, kit.framing, outlet.lang, own ? leaning : -leaning, own ? outlet.favoured : undefined), own };
}

/** A sentence carrying a framing term: authorial, quoted, distanced or negated. */
function framingSentence(random: Random, outlet: Outlet, event: NewsEvent, kit: TextKit): string {
  const lang = outlet.lang;
  const { term, own } = outletTerm(random, outlet, kit);
  const person = pickOne(random, event.people)[lang];
  const w = (min: number, max: number): string => phrase(random, kit, lang, min, max, event.keywords[lang], 0.2);
  const roll = random();
  if (!own || roll < 0.2) return quoteSentence(random, lang, person, `${w(3, 7)} ${term} ${w(2, 6)}`);
  if (roll < 0.27) return lang === 'en' ? `${capitalise(w(4, 9))} the ${pickOne(random, DISTANCERS.en)} ${term} ${w(3, 8)}.` : `${w(4, 9)} ${pickOne(random, DISTANCERS.ar)} ${term} ${w(3, 8)}.`;
  if (roll < 0.32) return lang === 'en' ? `This ${pickOne(random, NEGATIONS.en)} ${term}, ${w(3, 8)}.` : `${w(3, 6)} ${pickOne(random, NEGATIONS.ar)} ${term} ${w(3, 8)}.`;
  return lang === 'en' ? `${capitalise(w(4, 12))} ${term} ${w(4, 12)}.` : `${w(4, 12)} ${term} ${w(4, 12)}.`;
}

/** Direct speech in one of several shapes, with a reporting verb. */
function quoteSentence(random: Random, lang: BenchLang, speaker: string, said: string): string {
  if (lang === 'en') {
    const [open, close] = pickOne(random, EN_QUOTES);
    return pickOne(random, [
      () => `${open}${capitalise(said)},${close} ${speaker} ${pickOne(random, EN_SAYS)}.`,
      () => `${speaker} said: ${open}${capitalise(said)}.${close}`,
      () => `According to ${speaker}, ${said}.`,
    ])();
  }
  const [open, close] = pickOne(random, AR_QUOTES);
  return pickOne(random, [
    () => `وقال ${speaker}: ${open}${said}${close}.`,
    () => `وأضاف ${speaker} أن ${said}.`,
    () => `بحسب ${speaker}، ${open}${said}${close}.`,
  ])();
}

/** Replace one or two words of a sentence with Zipf draws: paraphrase noise. */
function paraphrase(random: Random, sentence: string, kit: TextKit, lang: BenchLang): string {
  const words = sentence.split(' ');
  const changes = pickInt(random, 1, 2);
  for (let i = 0; i < changes; i++) {
    const at = pickInt(random, 1, Math.max(1, words.length - 2));
    const word = words[at];
    if (word !== undefined && /^[\p{Ll}\p{Lo}]+$/u.test(word)) words[at] = kit.words[lang].draw(random);
  }
  return words.join(' ');
}

export interface ArticleText {
  title: string;
  paragraphs: string[];
}

/**
 * One outlet's article about an event, about `targetBytes` of UTF-8 body: the core facts
 * paraphrased (lede first, others dropped or shuffled), then the outlet's own sentences, quotes
 * and framing terms, in paragraphs of one to three sentences.
 */
export function writeArticle(random: Random, outlet: Outlet, event: NewsEvent, kit: TextKit, targetBytes: number): ArticleText {
  const lang = outlet.lang;
  const facts = eventFacts(event, lang, kit);
  const [lede = '', ...rest] = facts.sentences;
  const core = [lede, ...shuffle(random, rest).filter(() => random() < 0.75)]
    .map((sentence) => (random() < 0.35 ? paraphrase(random, sentence, kit, lang) : sentence));
  const title = random() < 0.7 ? paraphrase(random, facts.title, kit, lang) : `${facts.title} ${pickTerm(random, kit.framing, lang, Math.sign(outlet.stance), outlet.favoured)}`;
  const sentences: string[] = [];
  let bytes = 0;
  let framingLeft = pickInt(random, 1, 6);
  for (let i = 0; bytes < targetBytes; i++) {
    const sentence = nextSentence(random, i, core, outlet, event, kit, framingLeft > 0);
    if (sentence.framing) framingLeft--;
    sentences.push(sentence.text);
    bytes += Buffer.byteLength(sentence.text) + 1;
  }
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length;) {
    const n = i === 0 ? 1 : pickInt(random, 1, 3);
    paragraphs.push(sentences.slice(i, i + n).join(' '));
    i += n;
  }
  return { title, paragraphs };
}

function nextSentence(
  random: Random, i: number, core: readonly string[], outlet: Outlet, event: NewsEvent, kit: TextKit, framing: boolean,
): { text: string; framing: boolean } {
  const fact = core[i];
  if (fact !== undefined && (i === 0 || random() < 0.8)) return { text: fact, framing: false };
  const roll = random();
  if (framing && roll < 0.3) return { text: framingSentence(random, outlet, event, kit), framing: true };
  if (roll < 0.5) {
    const person = pickOne(random, event.people)[outlet.lang];
    return { text: quoteSentence(random, outlet.lang, person, phrase(random, kit, outlet.lang, 6, 16, event.keywords[outlet.lang])), framing: false };
  }
  return { text: factSentence(random, event, outlet.lang, kit), framing: false };
}
