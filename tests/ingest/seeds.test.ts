/**
 * The five real seed pages (../shared/seeds), read at run time: what each must yield is taken
 * from the seeds README table; paragraphs and chrome are checked with short fragments only.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanCorpus, diffVersions, parseInput, parseOutletsYaml } from '../../src/ingest/index.js';
import type { Article } from '../../src/types.js';

const SEEDS = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
const OUTLETS = fileURLToPath(new URL('../../lexicons/outlets.yaml', import.meta.url));

interface Expected { file: string; outlet: string; credit: string; lang: string; title: string; date: string }

/** The README's table: `| file | outlet | credit | lang | title | date | notes |`. */
function readExpectations(): Expected[] {
  const rows = readFileSync(`${SEEDS}README.md`, 'utf8').split('\n').filter((l) => /^\|\s*\d{3}_/.test(l));
  return rows.map((row) => {
    const [file, outlet, credit, lang, title, date] = row.split('|').slice(1).map((c) => c.trim());
    return { file: file!, outlet: outlet!, credit: credit!, lang: lang!, title: title!, date: /^\d{4}-\d{2}-\d{2}$/.test(date!) ? date! : '' };
  });
}

const outlets = parseOutletsYaml(readFileSync(OUTLETS, 'utf8'), OUTLETS);
const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const parsed = files.map((f) => parseInput({ path: `${SEEDS}${f}`, bytes: readFileSync(`${SEEDS}${f}`) }));
const { articles, skipped } = cleanCorpus(parsed.flatMap((p) => p.docs), outlets);
const expectations = readExpectations();

function latest(prefix: string): Article {
  const a = articles.find((x) => x.id.startsWith(prefix) && x.isLatest);
  if (!a) throw new Error(`no article for ${prefix}`);
  return a;
}

/** Article text per seed (fragments < 40 chars), and chrome that must not reach the body. */
const KEEP: Record<string, string[]> = {
  '000': ['confirms that Ukraine abandoned', 'all Russian units received an order', 'Konashenkov noted that the Russian',
    'all units were ordered today', 'keep placing rocket launchers', 'Our reconnaissance keeps seeing',
    'uses the same methods as terrorists', "Kiev could not agree with Moscow's", 'Oleksiy Arestovich, adviser',
    'Arestovich justified', 'by the Strana.ua outlet', "possible on Kiev's terms", 'refused to cite the conditions'],
  '001': ['لن تتفاوض لإنهاء الحرب', 'ريا نوفوستي', 'أن تتخلى عن سيادتها', 'الضم غير الشرعي', 'تستمر القوات الأوكرانية',
    '300000 جندي احتياطي', 'دميترو كوليبا', 'محكمة جرائم حرب', 'لن تخضع لأية محكمة', 'ضربة صاروخية أخرى',
    'أقر بوتين الأسبوع الماضي', 'مدينة خيرسون الجنوبية', 'على الإنفاق العسكري'],
  '002': ['told Emmanuel Macron the escalation', "caused by Kyiv's soldiers", 'expressed "serious concern"',
    'announced a general mobilization', 'raises the tension in the Donbass', 'does not comply with the Minsk',
    'sent half of its armed forces', 'Putin: US, NATO, must be serious', 'told the French President',
    "treat Russia's demands", 'Normandy Four diplomats', 'ceasefire in Eastern Ukraine'],
  '003': ['لا يترك أي فرصة لوساطة', 'صحيفة Hürriyet التركية', 'بما في ذلك تركيا', 'أنقرة تواصل التعاون', 'إنهاء الصراع من خلال القضاء'],
  '004': ['fully ready to continue the dialogue', 'more Russian lives will be lost', 'Once again we declare',
    'is not up for bargaining', 'moderate opposition', 'well aware of the whereabouts', 'ventriloquism',
    'Ramzy Ezzeldine Ramzy', 'rest and regroup forces'],
};
const DROP: Record<string, string[]> = {
  '000': ['Arts&Culture', 'Digital Series', 'BREAKING', 'Serbia and Kosovo must fulfill', 'Rotterdam shooter', 'Related News',
    'Haftar meets with Putin', "reaching 'new highs'", 'Most Read', 'leopard tank', 'Variable Geometry', 'Read Next',
    'Arrow 3 system', 'Draconian Western-led', 'Russia & NATO', 'Arab Independent Media', 'Privacy Policy', 'Source: Agencies',
    '26 Feb 2022', 'Morocco & Libya'],
  '001': ['Qsarpress', 'ما في ذلك السياسة', 'قراءة المزيد', 'روسيا تدمر البنية التحتية', 'Govt-19', 'READ', 'Maloletka',
    'بلومبرج نيوز', 'مطالب أوكرانيا بالانسحاب'],
  '002': ['Occupied Palestine: Five', 'Ushakov:', '2 Min Read', '(Sputnik)', 'Resistance Front and BRICS', 'Hmeimim',
    'Amnesty calls out RSF', 'Draconian Western-led', 'Most Read', 'Read Next', 'In Five', 'All Rights Reserved'],
  '003': ['التعليقات', 'توغلات إسرائيلية جديدة', 'سيف الإسلام القذافي', 'خطة ترامب لإنهاء الحرب', 'أقسام مهمة', '90 دقيقة',
    'Sputnik', 'المصدر', 'مباشر'],
  '004': ['Version 4', 'about 2 hours later', 'NewsSniffer', 'rtcom', 'Dmitry Peskov'],
};

describe('seed pages', () => {
  it('reads every seed and skips none', () => {
    expect(expectations).toHaveLength(5);
    expect(skipped).toEqual([]);
    expect(parsed.flatMap((p) => p.skipped)).toEqual([]);
  });

  for (const exp of expectations) {
    const key = exp.file.slice(0, 3);
    describe(exp.file, () => {
      it('recovers title, outlet, credit, language and date as the README states', () => {
        const a = latest(key);
        expect(a.title).toBe(exp.title);
        expect(a.outlet).toBe(exp.outlet);
        expect(a.credit).toBe(exp.credit);
        expect(a.lang).toBe(exp.lang);
        expect(a.date).toBe(exp.date);
        expect(a.body.slice(0, a.headlineEnd)).toBe(exp.title);
      });
      it('keeps every article paragraph', () => {
        const body = latest(key).body;
        for (const frag of KEEP[key] ?? []) expect(body, frag).toContain(frag);
      });
      it('keeps menus, tickers, related lists, blurbs, comments and footers out', () => {
        const a = latest(key);
        for (const frag of DROP[key] ?? []) expect(a.body, frag).not.toContain(frag);
        expect(a.body.split('\n\n').filter((p) => p === a.title)).toHaveLength(1);
      });
    });
  }

  it('cleans each page as well on its own, with no sibling pages to learn boilerplate from', () => {
    for (const p of parsed) {
      const alone = cleanCorpus(p.docs, outlets).articles.find((a) => a.isLatest)!;
      const key = alone.id.slice(0, 3);
      const exp = expectations.find((e) => e.file.startsWith(key))!;
      expect([alone.title, alone.outlet, alone.credit, alone.lang, alone.date]).toEqual([exp.title, exp.outlet, exp.credit, exp.lang, exp.date]);
      for (const frag of KEEP[key] ?? []) expect(alone.body, `${key} keeps ${frag}`).toContain(frag);
      for (const frag of DROP[key] ?? []) expect(alone.body, `${key} drops ${frag}`).not.toContain(frag);
    }
  });

  it('000: the text after the "Related News" block stays, the block goes with its reason', () => {
    const a = latest('000');
    expect(a.removed.filter((r) => r.reason === 'related-list').length).toBeGreaterThanOrEqual(3);
    expect(a.removed.some((r) => r.reason === 'ticker')).toBe(true);
    expect(a.byline).toBe('Al Mayadeen Net');
    expect(a.tags).toContain('Igor Konashenkov');
    expect(a.body.split('\n\n').some((p) => p.endsWith('General Igor Konashenkov.'))).toBe(false);
  });

  it('001: captions repeated around a credit line are removed, both copies', () => {
    const a = latest('001');
    expect(a.body.split('\n\n').some((p) => p.startsWith('دخلت الحرب الآن'))).toBe(false);
    expect(a.removed.filter((r) => r.reason === 'caption').length).toBeGreaterThanOrEqual(5);
  });

  it('004: versions 3 and 4, v4 latest, the two paragraphs v4 dropped are removed changes', () => {
    const versions = articles.filter((a) => a.storyId.startsWith('004_'));
    expect(versions.map((a) => [a.id.replace(/^.*@/, ''), a.version, a.isLatest])).toEqual([['v3', 3, false], ['v4', 4, true]]);
    const changes = diffVersions(articles);
    expect(changes.map((c) => c.change)).toEqual(['removed', 'removed']);
    const v3 = versions[0]!;
    for (const c of changes) {
      expect(c.fromId).toBe(v3.id);
      expect(v3.body.slice(c.fromSpan!.start, c.fromSpan!.end)).toBe(c.text);
    }
    expect(changes[0]!.text).toContain('Dmitry Peskov');
  });
});
