/**
 * Thirty fictional outlets (about 70% English, 30% Arabic), each with a stance on the framing
 * axis and its own page chrome: masthead, menus, ticker, related lists and footer repeat across
 * that outlet's pages, as on real sites (the seeds), which is what repetition-based cleaning reads.
 * All names are invented and use the reserved `.example` domain.
 */
import { makeName } from './vocabulary.js';
import type { BenchLang, Vocabulary } from './vocabulary.js';
import { pickInt, pickSome } from './prng.js';
import type { Random } from './prng.js';

export interface Outlet {
  name: string;
  slug: string;
  domain: string;
  lang: BenchLang;
  /** Leaning on the framing axis in [-1, 1]: which side's vocabulary the outlet prefers. */
  stance: number;
  /** Concept ids the outlet favours among those of its side. */
  favoured: Set<string>;
  reporters: string[];
  credits: string[];
  chrome: PageChrome;
}

/** What repeats on every page of an outlet. */
export interface PageChrome {
  menu: string[][];
  /** Pool of ticker/related/most-read headlines; each page shows a few of them. */
  headlines: string[];
  tagline: string;
  footerLinks: string[];
}

const EN_FIRST = ['Meridian', 'Granite', 'Silverbrook', 'Northgate', 'Coastal', 'Pioneer', 'Summit', 'Valley', 'Beacon',
  'Crescent', 'Riverside', 'Highland', 'Frontier', 'Atlas', 'Compass', 'Orchard', 'Kestrel', 'Juniper', 'Ironwood', 'Saltmarsh', 'Tidewater'];
const EN_SECOND = ['Herald', 'Observer', 'Post', 'Tribune', 'Dispatch', 'Chronicle', 'Gazette', 'Times', 'Ledger', 'Monitor',
  'Review', 'Bulletin', 'Daily', 'Journal', 'Standard', 'Record', 'Express', 'Sentinel', 'Examiner', 'Telegraph', 'Clarion'];
const AR_NAMES: readonly (readonly [string, string])[] = [
  ['صوت الوادي', 'sawt-alwadi'], ['نبض المدينة', 'nabd-almadina'], ['أفق الشرق', 'ufuq-alsharq'], ['صدى الساحل', 'sada-alsahil'],
  ['مرآة الخليج', 'mirat-alkhalij'], ['بوابة النهر', 'bawwabat-alnahr'], ['شرفة الجنوب', 'shurfat-aljanub'],
  ['نافذة الأخبار', 'nafidhat-alakhbar'], ['راية الجبل', 'rayat-aljabal'],
];
const EN_MENU = ['News', 'World', 'Europe', 'Middle East', 'Politics', 'Economy', 'Business', 'Opinion', 'Analysis', 'Videos',
  'Sport', 'Culture', 'Science', 'Health', 'Environment', 'In Pictures', 'Podcasts', 'Live'];
const AR_MENU = ['أخبار', 'العالم', 'الشرق الأوسط', 'سياسة', 'اقتصاد', 'رأي', 'تحليلات', 'فيديو', 'رياضة', 'ثقافة', 'علوم',
  'صحة', 'بيئة', 'صور', 'بث مباشر', 'منوعات'];
const EN_CREDITS = ['Agencies', 'AP', 'Reuters', 'AFP', 'Sputnik', 'TASS', 'Anadolu'];
const AR_CREDITS = ['وكالات', 'رويترز', 'أ ف ب', 'سبوتنيك', 'الأناضول', 'RT'];
const EN_FOOTER = ['Privacy Policy', 'About Us', 'Contact Us', 'Authors', 'Terms of Use', 'Advertise', 'Newsletters'];
const AR_FOOTER = ['سياسة الخصوصية', 'من نحن', 'اتصل بنا', 'شروط الاستخدام', 'أعلن معنا', 'النشرة البريدية'];
/** 21 + 9 = 30 outlets: the 70/30 English/Arabic mix of the brief. */
const ENGLISH_OUTLETS = 21;

/** Build the outlets; `headline` writes a plausible headline for chrome lists. */
export function createOutlets(
  random: Random,
  conceptIds: { pro: string[]; contra: string[] },
  headline: (random: Random, lang: BenchLang) => string,
  words: Record<BenchLang, Vocabulary>,
): Outlet[] {
  const outlets: Outlet[] = [];
  const firsts = pickSome(random, EN_FIRST, ENGLISH_OUTLETS);
  const seconds = pickSome(random, EN_SECOND, ENGLISH_OUTLETS);
  for (let i = 0; i < ENGLISH_OUTLETS; i++) {
    const name = `The ${firsts[i]} ${seconds[i]}`;
    outlets.push(createOutlet(random, name, slugOf(name), 'en', i, conceptIds, headline, words));
  }
  AR_NAMES.forEach(([name, slug], i) => outlets.push(createOutlet(random, name, slug, 'ar', i, conceptIds, headline, words)));
  return outlets;
}

function createOutlet(
  random: Random, name: string, slug: string, lang: BenchLang, index: number,
  conceptIds: { pro: string[]; contra: string[] },
  headline: (random: Random, lang: BenchLang) => string, words: Record<BenchLang, Vocabulary>,
): Outlet {
  // Thirds: Kremlin-aligned, Western-aligned, mixed; strength varies so profiles differ.
  const side = index % 3 === 0 ? 1 : index % 3 === 1 ? -1 : 0;
  const stance = side * (0.5 + 0.5 * random());
  const own = side >= 0 ? conceptIds.pro : conceptIds.contra;
  const menuItems = pickSome(random, lang === 'en' ? EN_MENU : AR_MENU, pickInt(random, 6, 10));
  const menu = menuItems.map((item) => [item, ...pickSome(random, lang === 'en' ? EN_MENU : AR_MENU, pickInt(random, 0, 4))]);
  return {
    name, slug, domain: `${slug}.example`, lang, stance,
    favoured: new Set(pickSome(random, own, Math.max(1, Math.ceil(own.length * 0.6)))),
    reporters: Array.from({ length: 6 }, () => {
      const first = makeName(random, 2);
      const last = makeName(random, 3);
      return lang === 'en' ? `${first.en} ${last.en}` : `${first.ar} ${last.ar}`;
    }),
    credits: pickSome(random, lang === 'en' ? EN_CREDITS : AR_CREDITS, 3),
    chrome: {
      menu,
      headlines: Array.from({ length: 40 }, () => headline(random, lang)),
      tagline: lang === 'en'
        ? `${name} is an independent ${words.en.drawBetween(random, 300, 2500)} news service.`
        : `${name} موقع إخباري مستقل يغطي ${words.ar.drawBetween(random, 100, 600)} والعالم.`,
      footerLinks: pickSome(random, lang === 'en' ? EN_FOOTER : AR_FOOTER, 5),
    },
  };
}

function slugOf(name: string): string {
  return name.toLowerCase().replace(/^the /, '').replace(/[^a-z0-9]+/g, '-');
}
