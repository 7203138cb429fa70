/**
 * A small hand-built run for the report tests: three outlets, English and Arabic, one story with
 * two versions, one event cluster across outlets. Matches are located in the bodies by search so
 * `body.slice(start, end)` is always the matched text.
 */
import type { ReportInput } from '../../src/report/index.js';
import { termCountsOf, TermVocabulary } from '../../src/text/terms.js';
import type { Article, ArticleAnalysis, Concept, ContrastHit, ContrastSet, LexiconBundle, Match, Voice } from '../../src/types.js';

/** The run's vocabulary: every analysis's term counts are keys into it. */
export const VOCABULARY = new TermVocabulary();

function concept(id: string, frame: string, axes: Record<string, number>, terms: Record<string, string[]>, lexicon = 'ru-ua'): Concept {
  return { id, lexicon, label: id, frame, axes, terms, exclude: {}, note: '', source: '', examples: { match: [], noMatch: [] }, file: `lexicons/${lexicon}.yaml`, line: 1 };
}

export const CONCEPTS: Concept[] = [
  concept('kiev_regime', 'delegitimation', { ru_ua: 1 }, { en: ['Kiev regime'], ar: ['نظام كييف'] }),
  concept('invasion', 'aggression', { ru_ua: -1 }, { en: ['invasion'], ar: ['غزو'] }),
  concept('special_operation', 'euphemism', { ru_ua: 1 }, { en: ['special military operation'], ar: ['العملية العسكرية الخاصة'] }),
  concept('kyiv', 'naming', {}, { en: ['Kyiv'] }),
  concept('kiev', 'naming', {}, { en: ['Kiev'], ar: ['كييف'] }),
  concept('terrorist', 'delegitimation', { ru_ua: 1, gaza: -1 }, { en: ['terrorists'], ar: ['إرهابيين'] }, 'security'),
  concept('martyr', 'sacralisation', { gaza: 1 }, { ar: ['شهيد'] }, 'security'),
];

const CONTRASTS: ContrastSet[] = [{ id: 'kiev_kyiv', label: 'Kiev or Kyiv', labels: ['kiev', 'kyiv'], note: '', lexicon: 'ru-ua', file: 'lexicons/ru-ua.yaml', line: 10 }];

export const BUNDLE: LexiconBundle = {
  dir: 'lexicons',
  lexicons: [
    { id: 'ru-ua', label: 'Russia–Ukraine', version: '1.2.0', file: 'lexicons/ru-ua.yaml', sha256: 'a'.repeat(64), concepts: 5 },
    { id: 'security', label: 'Security', version: '0.3.0', file: 'lexicons/security.yaml', sha256: 'b'.repeat(64), concepts: 2 },
  ],
  axes: [{ lexicon: 'ru-ua', id: 'ru_ua', description: '+1 Kremlin-aligned; -1 Ukraine-aligned' }],
  concepts: CONCEPTS,
  contrasts: CONTRASTS,
  entities: [],
  cues: {},
  sha256: 'c'.repeat(64),
};

function article(id: string, outlet: string, lang: string, title: string, paragraphs: string[], extra: Partial<Article> = {}): Article {
  const body = [title, ...paragraphs].join('\n\n');
  return {
    id, source: `corpus/${id}.txt`, format: 'text', outlet, credit: '', lang, title, date: '2022-03-01', dateStated: '', url: `https://example.org/${id}`,
    byline: '', tags: [], version: null, isLatest: true, storyId: id, body, headlineEnd: title.length,
    removed: [{ text: 'Share this story', reason: 'menu' }], ...extra,
  };
}

export const ARTICLES: Article[] = [
  article('bbc-1@v1', 'BBC News', 'en', 'Russian invasion reaches Kyiv suburbs', [
    'Russian forces pressed towards Kyiv on Tuesday as the invasion entered its sixth day.',
    'Officials said the column stretched for miles.',
  ], { version: 1, isLatest: false, storyId: 'bbc-1', source: 'corpus/bbc-1.html' }),
  article('bbc-1@v2', 'BBC News', 'en', 'Russian invasion reaches Kyiv suburbs', [
    'Russian forces pressed towards Kyiv on Tuesday as the invasion entered its sixth day.',
    'Moscow calls it a "special military operation" against what it said were terrorists.',
  ], { version: 2, isLatest: true, storyId: 'bbc-1', source: 'corpus/bbc-1.html' }),
  article('rt-ar-1', 'RT Arabic', 'ar', 'العملية العسكرية الخاصة تتواصل قرب كييف', [
    'قال المتحدث إن نظام كييف يستخدم المدنيين دروعا بشرية، وإن العملية العسكرية الخاصة تسير وفق الخطة.',
    'ونفت وزارة الدفاع وجود أي غزو.',
  ], { credit: 'Agencies' }),
  article('rt-en-1', 'RT', 'en', '=HYPERLINK("http://x","y")', [
    'The Kiev regime shelled Donetsk again, Russian officials said, calling the gunmen terrorists.',
    'The special military operation continues around Kiev, the Kiev regime | *not* [really] <b>bold</b> & so on.',
  ], { date: '2022-03-02' }),
  article('aj-1', 'Al Jazeera', 'en', 'Civilians flee as invasion nears Kyiv', [
    'Thousands fled Kyiv as the invasion advanced; Kremlin officials called it a so-called liberation.',
    'A medic said: "This invasion is a crime."',
  ], { date: '' }),
  article('bbc-2', 'BBC News', 'en', 'Kyiv | "Live" *updates* [day 6] <b> & more_', [
    'Ukraine says the invasion has cost thousands of lives.',
    'Russia denies it is waging an invasion.',
  ], { date: '2022-03-02' }),
  article('aj-ar-1', 'Al Jazeera', 'ar', 'القوات الروسية تقترب من كييف', [
    'وصفت موسكو الحرب بما يسمى العملية العسكرية الخاصة، بينما قال مسؤولون أوكرانيون إنه غزو.',
  ], { date: '2022-03-01' }),
];

interface Hit { term: string; concept: string; voice: Voice; negated?: boolean; distanced?: boolean; nth?: number }

function locate(body: string, term: string, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i += 1) {
    at = body.indexOf(term, at + 1);
    if (at < 0) throw new Error(`fixture: "${term}" #${nth} not in body`);
  }
  return at;
}

function analysis(a: Article, hits: Hit[], contrast: { label: string; term: string; nth?: number }[], terms: Record<string, number>, entities: string[] = []): ArticleAnalysis {
  const byId = new Map(CONCEPTS.map((c) => [c.id, c]));
  const matches: Match[] = hits.map((h) => {
    const start = locate(a.body, h.term, h.nth);
    const c = byId.get(h.concept);
    if (!c) throw new Error(`fixture: unknown concept ${h.concept}`);
    return {
      concept: c.id, lexicon: c.lexicon, frame: c.frame, term: h.term, start, end: start + h.term.length, matched: a.body.slice(start, start + h.term.length),
      voice: h.voice, negated: h.negated ?? false, distanced: h.distanced ?? false, sentence: a.body.slice(Math.max(0, start - 20), start + h.term.length + 20),
    };
  });
  const contrastHits: ContrastHit[] = contrast.map((c) => {
    const start = locate(a.body, c.term, c.nth);
    return { contrast: 'kiev_kyiv', label: c.label, start, end: start + c.term.length, voice: 'authorial' };
  });
  const tokens = a.body.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0).length;
  return { id: a.id, tokens, matches, contrastHits, termCounts: termCountsOf(Object.entries(terms), VOCABULARY), entities };
}

function find(id: string): Article {
  const a = ARTICLES.find((x) => x.id === id);
  if (!a) throw new Error(`fixture: no article ${id}`);
  return a;
}

export const ANALYSES = new Map<string, ArticleAnalysis>([
  ['bbc-1@v1', analysis(find('bbc-1@v1'), [
    { term: 'invasion', concept: 'invasion', voice: 'headline' },
    { term: 'Kyiv', concept: 'kyiv', voice: 'headline' },
    { term: 'Kyiv', concept: 'kyiv', voice: 'authorial', nth: 1 },
    { term: 'invasion', concept: 'invasion', voice: 'authorial', nth: 1 },
  ], [{ label: 'kyiv', term: 'Kyiv' }, { label: 'kyiv', term: 'Kyiv', nth: 1 }], { invasion: 2, kyiv: 2, column: 1, russian: 2 })],
  ['bbc-1@v2', analysis(find('bbc-1@v2'), [
    { term: 'invasion', concept: 'invasion', voice: 'headline' },
    { term: 'Kyiv', concept: 'kyiv', voice: 'headline' },
    { term: 'Kyiv', concept: 'kyiv', voice: 'authorial', nth: 1 },
    { term: 'invasion', concept: 'invasion', voice: 'authorial', nth: 1 },
    { term: 'special military operation', concept: 'special_operation', voice: 'quoted' },
    { term: 'terrorists', concept: 'terrorist', voice: 'attributed' },
  ], [{ label: 'kyiv', term: 'Kyiv' }, { label: 'kyiv', term: 'Kyiv', nth: 1 }], { invasion: 3, kyiv: 3, russian: 3, moscow: 1, 'russian force': 3 })],
  ['rt-ar-1', analysis(find('rt-ar-1'), [
    { term: 'العملية العسكرية الخاصة', concept: 'special_operation', voice: 'headline' },
    { term: 'نظام كييف', concept: 'kiev_regime', voice: 'attributed' },
    { term: 'العملية العسكرية الخاصة', concept: 'special_operation', voice: 'attributed', nth: 1 },
    { term: 'غزو', concept: 'invasion', voice: 'authorial', negated: true },
  ], [{ label: 'kiev', term: 'كييف' }, { label: 'kiev', term: 'كييف', nth: 1 }], { 'عمليه': 3, 'عسكريه': 3, 'كييف': 3, 'مدنيين': 3 })],
  ['rt-en-1', analysis(find('rt-en-1'), [
    { term: 'Kiev regime', concept: 'kiev_regime', voice: 'authorial' },
    { term: 'terrorists', concept: 'terrorist', voice: 'attributed' },
    { term: 'special military operation', concept: 'special_operation', voice: 'authorial' },
    { term: 'Kiev', concept: 'kiev', voice: 'authorial', nth: 2 },
    { term: 'Kiev regime', concept: 'kiev_regime', voice: 'authorial', nth: 1 },
  ], [{ label: 'kiev', term: 'Kiev' }, { label: 'kiev', term: 'Kiev', nth: 1 }, { label: 'kiev', term: 'Kiev', nth: 2 }], { 'kiev regime': 4, regime: 4, donetsk: 3, shelled: 3 })],
  ['aj-1', analysis(find('aj-1'), [
    { term: 'invasion', concept: 'invasion', voice: 'headline' },
    { term: 'Kyiv', concept: 'kyiv', voice: 'headline' },
    { term: 'Kyiv', concept: 'kyiv', voice: 'authorial', nth: 1 },
    { term: 'invasion', concept: 'invasion', voice: 'authorial', nth: 1 },
    { term: 'invasion', concept: 'invasion', voice: 'quoted', nth: 2 },
  ], [{ label: 'kyiv', term: 'Kyiv' }, { label: 'kyiv', term: 'Kyiv', nth: 1 }], { invasion: 3, kyiv: 3, civilian: 3, fled: 3 })],
  ['bbc-2', analysis(find('bbc-2'), [
    { term: 'Kyiv', concept: 'kyiv', voice: 'headline' },
    { term: 'invasion', concept: 'invasion', voice: 'attributed' },
    { term: 'invasion', concept: 'invasion', voice: 'attributed', nth: 1, negated: true },
  ], [{ label: 'kyiv', term: 'Kyiv' }], { invasion: 2, ukraine: 1, russia: 1, thousand: 1 })],
  ['aj-ar-1', analysis(find('aj-ar-1'), [
    { term: 'العملية العسكرية الخاصة', concept: 'special_operation', voice: 'authorial', distanced: true },
    { term: 'غزو', concept: 'invasion', voice: 'attributed' },
  ], [{ label: 'kiev', term: 'كييف' }], { 'كييف': 1, 'موسكو': 1, 'حرب': 1, 'عمليه': 1 })],
]);

/** Build the fixture's ReportInput (fresh objects each call). */
export function buildFixtureInput(overrides: Partial<ReportInput> = {}): ReportInput {
  const v1 = find('bbc-1@v1');
  const v2 = find('bbc-1@v2');
  const removedText = 'Officials said the column stretched for miles.';
  const addedText = 'Moscow calls it a "special military operation" against what it said were terrorists.';
  const fromStart = v1.body.indexOf(removedText);
  const toStart = v2.body.indexOf(addedText);
  return {
    articles: ARTICLES,
    analyses: ANALYSES,
    vocabulary: VOCABULARY,
    clusters: [
      { id: 'e001', members: ['aj-1', 'bbc-1@v2', 'rt-ar-1', 'rt-en-1'], similarity: new Map([['aj-1', 0.41], ['bbc-1@v2', 0.52], ['rt-ar-1', 0.3], ['rt-en-1', 0.27]]), topTerms: ['kyiv', 'invasion', 'كييف'] },
      { id: 'e002', members: ['aj-ar-1', 'bbc-2'], similarity: new Map([['aj-ar-1', 0.35], ['bbc-2', 0.35]]), topTerms: ['invasion', 'غزو'] },
    ],
    versionChanges: [
      { storyId: 'bbc-1', fromId: 'bbc-1@v1', toId: 'bbc-1@v2', fromVersion: 1, toVersion: 2, change: 'removed', text: removedText, fromSpan: { start: fromStart, end: fromStart + removedText.length }, toSpan: null },
      { storyId: 'bbc-1', fromId: 'bbc-1@v1', toId: 'bbc-1@v2', fromVersion: 1, toVersion: 2, change: 'added', text: addedText, fromSpan: null, toSpan: { start: toStart, end: toStart + addedText.length } },
    ],
    skipped: [{ source: 'corpus/broken.jsonl:3', reason: 'line 3: invalid JSON (Unexpected token)' }, { source: 'corpus/empty.html', reason: 'no article text after cleaning' }],
    bundle: BUNDLE,
    provenance: { tool: 'framescope', version: '0.1.0', options: { out: 'reports/test', bom: false, lexicons: ['ru-ua', 'security'] }, inputs: 6 },
    bom: false,
    ...overrides,
  };
}
