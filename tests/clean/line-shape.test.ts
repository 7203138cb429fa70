import { describe, expect, it } from 'vitest';
import { isBulleted, lineText, isProse, isHeadlineLike, markerReason, isReadPrefixLine, isPhotoCredit, isFurniture, isTimestampLine, isCopyrightLine } from '../../src/clean/line-shape.js';

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
});
