/**
 * Framing vocabulary the generator sprinkles into articles, so the matcher has realistic work.
 * The built-in pairs mirror the contrast sets of DESIGN.md (Kiev/Kyiv, invasion/special military
 * operation …); concepts found in `lexicons/*.yaml` are added when the folder has them, so the
 * benchmark follows the lexicons researchers actually ship.
 */

/** One framing concept: its side on an axis (+1 Kremlin-aligned, -1 Ukraine/Western-aligned, 0 none). */
export interface FramingConcept {
  id: string;
  axis: number;
  en: string[];
  ar: string[];
}

/** Used when the lexicon folder holds no concepts yet, and always as a base. */
export const BUILT_IN_FRAMING: readonly FramingConcept[] = [
  { id: 'kiev', axis: 1, en: ['Kiev'], ar: ['كييف'] },
  { id: 'kyiv', axis: -1, en: ['Kyiv'], ar: ['كييف'] },
  { id: 'kiev_regime', axis: 1, en: ['Kiev regime', 'regime in Kiev'], ar: ['نظام كييف'] },
  { id: 'special_military_operation', axis: 1, en: ['special military operation'], ar: ['العملية العسكرية الخاصة'] },
  { id: 'invasion', axis: -1, en: ['invasion', 'full-scale invasion'], ar: ['الغزو الروسي', 'الغزو'] },
  { id: 'full_scale_war', axis: -1, en: ['full-scale war'], ar: ['الحرب الشاملة'] },
  { id: 'reunification', axis: 1, en: ['reunification'], ar: ['إعادة التوحيد'] },
  { id: 'illegal_annexation', axis: -1, en: ['illegal annexation'], ar: ['الضم غير الشرعي'] },
  { id: 'liberated_territories', axis: 1, en: ['liberated territories'], ar: ['الأراضي المحررة'] },
  { id: 'occupied_territories', axis: -1, en: ['occupied territories'], ar: ['الأراضي المحتلة'] },
  { id: 'donbass', axis: 1, en: ['Donbass'], ar: ['دونباس'] },
  { id: 'donbas', axis: -1, en: ['Donbas'], ar: ['دونباس الأوكراني'] },
  { id: 'lugansk', axis: 1, en: ['Lugansk'], ar: ['لوغانسك'] },
  { id: 'luhansk', axis: -1, en: ['Luhansk'], ar: ['لوهانسك'] },
  { id: 'neo_nazis', axis: 1, en: ['neo-Nazis', 'Ukrainian nationalists'], ar: ['النازيون الجدد'] },
  { id: 'collective_west', axis: 1, en: ['collective West'], ar: ['الغرب الجماعي'] },
  { id: 'russophobia', axis: 1, en: ['Russophobia'], ar: ['رهاب روسيا'] },
  { id: 'draconian_sanctions', axis: 1, en: ['draconian sanctions', 'illegitimate sanctions'], ar: ['العقوبات الجائرة'] },
  { id: 'sham_referendum', axis: -1, en: ['sham referendum'], ar: ['استفتاء صوري'] },
  { id: 'war_crimes', axis: -1, en: ['war crimes', 'war crime'], ar: ['جرائم حرب'] },
  { id: 'russian_occupiers', axis: -1, en: ['Russian occupiers'], ar: ['المحتلون الروس'] },
  { id: 'provocation', axis: 1, en: ['provocation'], ar: ['استفزاز'] },
  { id: 'terrorists', axis: 0, en: ['terrorists', 'terrorist attack'], ar: ['الإرهابيين', 'هجوم إرهابي'] },
  { id: 'humanitarian_corridor', axis: 0, en: ['humanitarian corridor'], ar: ['ممر إنساني'] },
  { id: 'white_helmets', axis: 0, en: ['White Helmets'], ar: ['الخوذ البيضاء'] },
];

/** Markers that distance the writer from a term (CONTRACT.md "Voice and flags"). */
export const DISTANCERS = { en: ['so-called', 'self-proclaimed', 'alleged'], ar: ['ما يسمى', 'المزعوم'] } as const;

/** Negations placed before a term now and then, so negated hits occur. */
export const NEGATIONS = { en: ['is not', 'was not a', 'there is no'], ar: ['ليست', 'لا يوجد'] } as const;
