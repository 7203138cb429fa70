import { describe, expect, it } from 'vitest';
import { arabicCliticForms, arabicLaterWordForms, arabicLaterWordKey, hasArabic, normalizeArabic } from '../../src/text/arabic.js';

describe('normalizeArabic', () => {
  it('removes diacritics and tatweel and folds alef, yaa and taa marbuta', () => {
    expect(normalizeArabic('أَحْمَد')).toBe('احمد');
    expect(normalizeArabic('إسرائيل')).toBe('اسرائيل');
    expect(normalizeArabic('آسيا')).toBe('اسيا');
    expect(normalizeArabic('ٱلله')).toBe('الله');
    expect(normalizeArabic('مصطفى')).toBe('مصطفي');
    expect(normalizeArabic('الحكومة')).toBe('الحكومه');
    expect(normalizeArabic('الحكـــومة')).toBe('الحكومه');
  });

  it('turns Arabic-Indic and Persian digits into ASCII', () => {
    expect(normalizeArabic('٢٠٢٢')).toBe('2022');
    expect(normalizeArabic('۱۴۰۱')).toBe('1401');
  });

  it('is idempotent', () => {
    for (const word of ['أَحْمَد', 'الحكـــومة', 'مصطفى']) expect(normalizeArabic(normalizeArabic(word))).toBe(normalizeArabic(word));
  });
});

describe('arabicCliticForms', () => {
  it('offers each proclitic-stripped remainder', () => {
    expect(arabicCliticForms('فبالنظام')).toEqual(expect.arrayContaining(['نظام', 'النظام']));
    expect(arabicCliticForms('وبنظام')).toContain('نظام');
    expect(arabicCliticForms('كالنظام')).toContain('نظام');
  });

  it('guards short stems', () => {
    expect(arabicCliticForms('وقف')).toEqual(['وقف']);
    expect(arabicCliticForms('الى')).toEqual(['الى']);
    expect(arabicCliticForms('بيت')).toEqual(['بيت']);
  });

  it('offers the word without a pronoun enclitic, with or without a proclitic, taa marbuta restored', () => {
    expect(arabicCliticForms('غزوها')).toEqual(['غزوها', 'غزو']);
    expect(arabicCliticForms('لاحتلالهم')).toEqual(expect.arrayContaining(['احتلالهم', 'احتلال']));
    expect(arabicCliticForms('وحكومتها')).toEqual(expect.arrayContaining(['حكومتها', 'حكومه']));
    expect(arabicCliticForms('اجتياحهما')).toContain('اجتياح');
    expect(arabicCliticForms('سيطرتنا')).toContain('سيطره');
  });

  it('strips no enclitic from a short stem, after the article, or that is ه, ي or ك', () => {
    expect(arabicCliticForms('هنا')).toEqual(['هنا']);
    // ضم has two letters: neither بضمها nor ضمها gives it.
    expect(arabicCliticForms('بضمها')).not.toContain('ضم');
    expect(arabicCliticForms('ضمها')).toEqual(['ضمها']);
    // ه is also the folded feminine ending (ة → ه): إرهابية must not become إرهابي.
    expect(arabicCliticForms('ارهابيه')).toEqual(['ارهابيه']);
    expect(arabicCliticForms('روسي')).not.toContain('روس');
    expect(arabicCliticForms('شريك')).toEqual(['شريك']);
    expect(arabicCliticForms('والغزوها')).not.toContain('الغزو');
  });

  it('offers a later word with the article added or taken off, and a plural in its other case; no other clitic', () => {
    expect(arabicLaterWordForms('محتله')).toEqual(['محتله', 'المحتله']);
    expect(arabicLaterWordForms('المحتله')).toEqual(['المحتله', 'محتله']);
    expect(arabicLaterWordForms('وكييف')).toEqual(['وكييف', 'الوكييف']);
    expect(arabicLaterWordForms('الب')).toEqual(['الب']);
    expect(arabicLaterWordForms('الغربيون')).toEqual(['الغربيون', 'غربيون', 'الغربيين', 'غربيين']);
    // Too short to be a plural: دين "religion", بين "between".
    expect(arabicLaterWordForms('الدين')).toEqual(['الدين', 'دين']);
    expect(arabicLaterWordForms('بين')).toEqual(['بين', 'البين']);
    expect(new Set(['الغربيون', 'غربيين', 'الغربيين', 'غربيون'].map(arabicLaterWordKey))).toEqual(new Set(['غربيين']));
  });

  it('offers a sound masculine plural in its other case and from its construct form', () => {
    expect(arabicCliticForms('المحتلون')).toEqual(expect.arrayContaining(['محتلون', 'المحتلين', 'محتلين']));
    expect(arabicCliticForms('مخربين')).toContain('مخربون');
    // Construct (ن dropped before a noun or a pronoun): مسلحي هيئة…, محتلوها.
    expect(arabicCliticForms('لمسلحي')).toEqual(expect.arrayContaining(['مسلحي', 'مسلحين', 'مسلحون']));
    expect(arabicCliticForms('محتلوها')).toEqual(expect.arrayContaining(['محتلو', 'محتلون', 'محتلين']));
    expect(arabicCliticForms('دين')).toEqual(['دين']);
    expect(arabicCliticForms('عيون')).toEqual(['عيون']);
  });

  it('restores the taa marbuta before ه "his/its" without offering the word minus ه', () => {
    expect(arabicCliticForms('رعاته')).toEqual(['رعاته', 'رعاه']);
    expect(arabicCliticForms('وحكومته')).toEqual(expect.arrayContaining(['حكومته', 'حكومه']));
    expect(arabicCliticForms('وحكومته')).not.toContain('حكومت');
    // A feminine ending is still never folded onto the masculine.
    expect(arabicCliticForms('ارهابيه')).toEqual(['ارهابيه']);
    expect(arabicCliticForms('بيته')).not.toContain('بيت');
  });

  it('tells Arabic script', () => {
    expect(hasArabic('RT عربي')).toBe(true);
    expect(hasArabic('Kyiv')).toBe(false);
  });
});

describe('normalizeArabic: accusative tanween', () => {
  it('takes off a final alef carrying tanween fath, typed in either order', () => {
    expect(normalizeArabic('غزواً')).toBe('غزو');
    expect(normalizeArabic('غزوًا')).toBe('غزو');
  });

  it('keeps a bare final alef, which is often part of the word', () => {
    expect(normalizeArabic('روسيا')).toBe('روسيا');
    expect(normalizeArabic('غزوا')).toBe('غزوا');
  });
});
