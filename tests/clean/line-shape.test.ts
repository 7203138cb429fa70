import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isBulleted, lineText, isProse, isHeadlineLike, markerReason, isReadPrefixLine, isPhotoCredit, isFurniture, isTimestampLine, isCopyrightLine, isCallToAction, isContactLine, isUnrenderedWidget, isBreadcrumbOf, wordCount, endsSentence } from '../../src/clean/line-shape.js';

describe('line shapes', () => {
  it('bullets are seen and stripped', () => {
    expect(isBulleted('  • News')).toBe(true);
    expect(isBulleted('* روسيا')).toBe(true);
    expect(isBulleted('- item')).toBe(true);
    expect(isBulleted('-5 degrees overnight')).toBe(false);
    expect(lineText('    •   Video   Features ')).toBe('Video Features');
  });
  it('prose versus headline', () => {
    expect(isProse('The council said the road would reopen on Monday after repairs.')).toBe(true);
    expect(isProse('وقال الوزير إن المحادثات ستستأنف في الربيع المقبل بعد توقف طويل.')).toBe(true);
    expect(isProse('Council to reopen the coastal road')).toBe(false);
    expect(isHeadlineLike('Council to reopen the coastal road')).toBe(true);
    expect(isHeadlineLike('Related News')).toBe(false);
    // Unspaced scripts: words are counted by characters, and 。 ends a sentence.
    expect(isProse('このご時世パスワードの強化は非常に重要なことであり、管理ソフトは不可欠です。')).toBe(true);
  });
  it.each([
    ['Related News', 'related-list'], ['Most Read', 'most-read'], ['Read Next', 'read-next'], ['قراءة المزيد:', 'related-list'],
    ['التعليقات', 'comments'], ['BREAKING', 'ticker'], ['You may also like...', 'related-list'], ["DON'T MISS", 'related-list'],
  ])('marker %s → %s', (text, reason) => expect(markerReason(text)).toBe(reason));
  it('non-markers', () => {
    expect(markerReason('Related talks resumed on Monday.')).toBeUndefined();
  });
  it('read-prefix link lines need the all-caps form or a colon', () => {
    expect(isReadPrefixLine('READ  Govt-19: a headline')).toBe(true);
    expect(isReadPrefixLine('Read more: A headline')).toBe(true);
    expect(isReadPrefixLine('Read the report before the vote, she said.')).toBe(false);
  });
  it('photo credits and captions', () => {
    expect(isPhotoCredit('Jane Doe / AP')).toBe(true);
    expect(isPhotoCredit('Leaders meet in the capital (AP Photo/John Roe)')).toBe(true);
    expect(isPhotoCredit('The pier after the stormCredit: EPA')).toBe(true);
    expect(isPhotoCredit('Protesters in the square (Image: GETTY )')).toBe(true);
    expect(isPhotoCredit('He said the plan was good/bad depending on the day.')).toBe(false);
  });
  it('furniture, timestamps and copyright lines', () => {
    expect(isFurniture('2 Min Read')).toBe(true);
    expect(isFurniture('x')).toBe(true);
    expect(isFurniture('Image 1 of 8')).toBe(true);
    expect(isTimestampLine('Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM')).toBe(true);
    expect(isTimestampLine('Updated figures show the economy grew faster than any forecast had expected this year, analysts said.')).toBe(false);
    expect(isCopyrightLine('© 2021 Example Media. All rights reserved.')).toBe(true);
  });

  it('sign-offs that ask the reader to follow, subscribe or send a tip, in English and Arabic', () => {
    for (const text of [
      'Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.',
      'Follow us on Twitter @example',
      'Follow BBC News on X.',
      "Follow AP's full coverage of Brexit and British politics at https://www.apnews.com/Brexit",
      'Get the latest updates right in your inbox. Subscribe to NJ.com’s newsletters.',
      'Sign up for our daily newsletter',
      'Have a tip? Amy Kuperinsky may be reached at amy@example.com. Follow her on Twitter @AmyKup or on Facebook.',
      'Mike Wall is the author of "Out There" (2018), out now. Follow him on Twitter @michaeldwall. Follow us on Twitter @Spacedotcom.',
      'تابعونا على تويتر',
      'تابعوا آخر الأخبار عبر تلغرام',
      'اشترك في نشرتنا البريدية',
    ]) expect(isCallToAction(text), text).toBe(true);
    for (const text of [
      // Gold article text of the extraction dev pages: a newsletter's own text, a deals list.
      'You can also subscribe to this newsletter here — just tick "10 Things in Tech You Need to Know."',
      'Sign up for a Hulu ad-free account for $11.99 a month',
      // Whom to follow is a pronoun or a name, and the network a whole word.
      'Follow the money on X and you find the donors.',
      'Follow us on Xbox Live for the tournament.',
      'The ministry asked residents to follow it on Telegram for updates.',
      `Follow us on Twitter ${'and more words '.repeat(14)}`,
    ]) expect(isCallToAction(text), text).toBe(false);
  });

  it('what did not render: a JavaScript notice, an unexpanded shortcode; and pipe-separated photo credits', () => {
    expect(isUnrenderedWidget('This slideshow requires JavaScript.')).toBe(true);
    expect(isUnrenderedWidget('Please enable JavaScript to view the comments.')).toBe(true);
    expect(isUnrenderedWidget('[button link=”http://example.com/review/” type=”big”] Send us YOUR kit review[/button]')).toBe(true);
    expect(isUnrenderedWidget('The attack, which requires JavaScript in the victim’s browser to run, was disclosed on Monday by researchers who had reported it to the vendor months earlier.')).toBe(false);
    expect(isUnrenderedWidget('[Updated] Talks resume [in Geneva]')).toBe(false);
    expect(isFurniture('Advert')).toBe(true);
    expect(isPhotoCredit('Natalie Naccache | Bloomberg | Getty Images')).toBe(true);
    expect(isPhotoCredit('Home | News | Sport')).toBe(false);
  });

  it('a breadcrumb trail ending in the title, whether its links ran together or not', () => {
    const title = 'BREAKING NEWS: Chelsea Activate Release Clause';
    expect(isBreadcrumbOf(`HomeSPORT NEWS${title}`, title)).toBe(true);
    expect(isBreadcrumbOf(`Home › Sport › ${title}`, title)).toBe(true);
    expect(isBreadcrumbOf(`Sport » ${title}`, title)).toBe(true);
    expect(isBreadcrumbOf(`الرئيسية أخبار ${'روسيا تعلن'}`, 'روسيا تعلن')).toBe(true);
    expect(isBreadcrumbOf(title, title)).toBe(false);
    // A sentence that ends with the title's words is not a trail.
    expect(isBreadcrumbOf('Fans woke up to the headline Chelsea Activate Release Clause', 'Chelsea Activate Release Clause')).toBe(false);
    expect(isBreadcrumbOf(`Home secretary says the ${title}`, title)).toBe(false);
  });

  it('an outlet’s postal and phone contact, not a line quoting one number', () => {
    expect(isContactLine('The Hill 1625 K Street, NW Suite 900 Washington DC 20006 | 202-628-8500 tel | 202-628-8503 fax')).toBe(true);
    expect(isContactLine('هاتف: 971-4-3456789 فاكس: 971-4-3456790')).toBe(true);
    expect(isContactLine('Call the hotline on 0800 123 4567, a phone line open all day.')).toBe(false);
    expect(isContactLine('Between 2019-2020 and 2021-2022 the phone maker sold 120-130 million units.')).toBe(false);
  });
});

/** Pieces that hit every branch of the hand-written scanners: spaces, scripts, surrogates, sentence ends, closers. */
const piece = fc.constantFrom('word', 'Ab', '12', ' ', '  ', '\t', '•', '- ', '-', '.', '?', '؟', '…', ':', ';', '"', '”', '»', '’', "'", ')', ']', '」', '』', '）', '。', 'روسيا', 'Київ', '日本語', 'カナ', 'ภาษา', '𝐀', '😀', '\uD800', 'Related News', 'read more', 'Most Read', 'التعليقات', ' | ', '›', '>');
const line = fc.array(piece, { maxLength: 16 }).map((p) => p.join(''));

describe('fast scanners agree with their regex definitions', () => {
  it('wordCount: space-separated tokens with a letter or digit, plus half the unspaced-script characters', () => {
    const reference = (t: string): number => {
      const spaced = t.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
      const unspaced = t.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu)?.length ?? 0;
      return unspaced === 0 ? spaced : spaced + Math.floor(unspaced / 2);
    };
    fc.assert(fc.property(line, (t) => { expect(wordCount(t)).toBe(reference(t)); }), { numRuns: 3000 });
  });
  it('endsSentence and isProse', () => {
    const ends = (t: string): boolean => /[.!?؟…:;。！？]["”»’')\]」』）]*$|["”»」]$/u.test(t);
    fc.assert(fc.property(line, (t) => {
      expect(endsSentence(t)).toBe(ends(t));
      const words = wordCount(t);
      expect(isProse(t)).toBe((words >= 6 && ends(t) && !t.endsWith(':')) || words >= 25);
    }), { numRuns: 3000 });
  });
  it('lineText: bullet out, white space folded', () => {
    fc.assert(fc.property(line, (t) => {
      expect(lineText(t)).toBe(t.replace(/^\s*(?:[•·▪●◦‣∙*]|-\s)\s*/u, '').replace(/\s+/g, ' ').trim());
    }), { numRuns: 3000 });
  });
  it('markerReason ignores trailing punctuation and long running text', () => {
    expect(markerReason('Related News ›')).toBe('related-list');
    expect(markerReason('Most Read: ')).toBe('most-read');
    expect(markerReason('More news from the harbour and the coastal towns further north')).toBe('related-list');
    expect(markerReason('Related coverage of the harbour and the coastal towns further north')).toBeUndefined();
  });
});
