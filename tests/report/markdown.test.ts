import { describe, expect, it } from 'vitest';
import { cell, escapeMarkdown, hasRtl, isMixedScript, isolate, table } from '../../src/report/markdown.js';

describe('escapeMarkdown', () => {
  it('escapes table, emphasis, link, code and HTML syntax and folds newlines', () => {
    expect(escapeMarkdown('a|b\\c`d*e_f[g]h<i>j&k\nl\r\nm')).toBe('a\\|b\\\\c\\`d\\*e\\_f\\[g\\]h&lt;i&gt;j&amp;k l m');
  });
});

describe('isolate', () => {
  it('wraps each right-to-left run, not the Latin text around it', () => {
    expect(isolate('kyiv, invasion, كييف')).toBe('kyiv, invasion, \u2068كييف\u2069');
    expect(isolate('RT: نظام كييف 2022 says')).toBe('RT: \u2068نظام كييف\u2069 2022 says');
    expect(isolate('العملية العسكرية الخاصة')).toBe('\u2068العملية العسكرية الخاصة\u2069');
    expect(isolate('BBC News')).toBe('BBC News');
  });

  it('tells scripts apart', () => {
    expect(hasRtl('غزو')).toBe(true);
    expect(hasRtl('invasion')).toBe(false);
    expect(isMixedScript('RT عربي')).toBe(true);
    expect(isMixedScript('عربي')).toBe(false);
  });
});

describe('table', () => {
  it('writes a pipe table with alignment, or a None line', () => {
    expect(table(['a', 'n'], [[cell('x|y'), '1']], ['l', 'r'])).toBe('| a | n |\n| --- | ---: |\n| x\\|y | 1 |\n');
    expect(table(['a'], [])).toBe('_None._\n');
  });
});
