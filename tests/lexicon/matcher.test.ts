import { describe, expect, it } from 'vitest';
import { buildMatcher, scanAll, scanLongest, TokenForms, Vocabulary } from '../../src/lexicon/matcher.js';
import { tokenize } from '../../src/text/tokenize.js';

function setup(terms: string[], text: string, lang = 'en') {
  const matcher = buildMatcher(terms.map((term, k) => ({ term, lang, value: k })));
  const tokens = tokenize(text, lang);
  const forms = new TokenForms(tokens, new Vocabulary([matcher]));
  const show = (o: { from: number; to: number; values: readonly number[] }) => `${text.slice(tokens[o.from]!.start, tokens[o.to - 1]!.end)}=${o.values.join('+')}`;
  return { matcher, forms, show };
}

describe('token trie matcher', () => {
  it('takes the leftmost-longest match and never overlaps', () => {
    const { matcher, forms, show } = setup(['a b', 'a b c', 'b c d', 'c'], 'a b c d c');
    expect(scanLongest(matcher, forms).map(show)).toEqual(['a b c=1', 'c=3']);
  });

  it('finds every overlapping occurrence with scanAll', () => {
    const { matcher, forms, show } = setup(['a b', 'a b c', 'b c d', 'c'], 'a b c d');
    expect(scanAll(matcher, forms).map(show)).toEqual(['a b c=1', 'a b=0', 'b c d=2', 'c=3']);
  });

  it('checks globs as prefixes at a word end, in linear time on a long text', () => {
    const { matcher, forms, show } = setup(['russophob*', 'anti russophob*'], 'Russophobes and anti-russophobia but not prussophobia');
    expect(scanLongest(matcher, forms).map(show)).toEqual(['Russophobes=0', 'anti-russophobia=1']);
    const long = setup(['x*'], `${'ab '.repeat(100_000)}xylophone`);
    const started = performance.now();
    expect(scanLongest(long.matcher, long.forms)).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('tolerates English inflection on every word and Arabic proclitics on the first only', () => {
    const en = setup(['kiev regime', 'shell civilian'], 'Kiev regimes shelled civilians');
    expect(scanLongest(en.matcher, en.forms).map(en.show)).toEqual(['Kiev regimes=0', 'shelled civilians=1']);
    const ar = setup(['نظام كييف'], 'ونظام كييف نظام وكييف', 'ar');
    expect(scanLongest(ar.matcher, ar.forms).map(ar.show)).toEqual(['ونظام كييف=0']);
  });

  it('matches an Arabic word carrying a pronoun enclitic, the hit spanning the whole token', () => {
    const ar = setup(['غزو', 'حكومة كييف'], 'تراجعت صادراتها منذ غزوها لأوكرانيا وحكومتها كييف', 'ar');
    expect(scanLongest(ar.matcher, ar.forms).map(ar.show)).toEqual(['غزوها=0', 'وحكومتها كييف=1']);
  });

  it('matches a later Arabic word with or without the article (definite and indefinite phrases), the exact spelling first', () => {
    // Terms 0 and 1 are spelled definite and indefinite; the text has each the other way, and
    // the later words keep no other clitic (وكييف is not كييف there).
    const ar = setup(['مناطق المحتلة', 'جرائم حرب', 'نظام كييف'], 'لأربع مناطق محتلة وقعت جرائم الحرب نظام وكييف', 'ar');
    expect(scanLongest(ar.matcher, ar.forms).map(ar.show)).toEqual(['مناطق محتلة=0', 'جرائم الحرب=1']);
    // Both spellings in the lexicon: the text's own spelling is the occurrence taken.
    const both = setup(['ضم غير الشرعي', 'ضم غير شرعي'], 'الضم غير شرعي والضم غير الشرعي', 'ar');
    expect(scanLongest(both.matcher, both.forms).map(both.show)).toEqual(['الضم غير شرعي=1', 'والضم غير الشرعي=0']);
    // Plural case and construct: رعاة الغربيين matches رعاته الغربيون ("its Western sponsors"),
    // مسلحين matches لمسلحي ("to the militants of").
    const plural = setup(['رعاة الغربيين', 'مسلحين'], 'يمليه عليه رعاته الغربيون ومستودعات لمسلحي هيئة', 'ar');
    expect(scanLongest(plural.matcher, plural.forms).map(plural.show)).toEqual(['رعاته الغربيون=0', 'لمسلحي=1']);
    // A remainder of one letter after the article is no form: ال + one letter.
    const short = setup(['قرار ب'], 'قرار الب', 'ar');
    expect(scanLongest(short.matcher, short.forms)).toEqual([]);
  });
});
