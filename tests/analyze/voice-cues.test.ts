import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileVoiceCues, isExactNegator, loadVoiceCues, parseVoiceCues, VOICE_CUE_KEYS } from '../../src/analyze/voice-cues.js';
import { LexiconError } from '../../src/lexicon/index.js';

const BUNDLED = fileURLToPath(new URL('../../lexicons/cues/voice/', import.meta.url));

describe('parseVoiceCues', () => {
  it('reads lists by key', () => {
    expect(parseVoiceCues('pronouns: [he, she]\nspeaker_nouns: [minister]\n', 'v/en.yaml')).toEqual({ pronouns: ['he', 'she'], speaker_nouns: ['minister'] });
  });

  it('names the file and line of every problem', () => {
    const bad = 'pronouns: [he]\nspeakers: [minister]\ntail_words: today\ncontinuing: [adding, [x]]\n';
    try {
      parseVoiceCues(bad, 'v/en.yaml');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(LexiconError);
      const problems = (e as LexiconError).problems;
      expect(problems[0]).toMatch(/^v\/en\.yaml:2: unknown key "speakers"/);
      expect(problems[1]).toMatch(/^v\/en\.yaml:3: "tail_words" must be a list/);
      expect(problems[2]).toMatch(/^v\/en\.yaml:4: continuing: item is not a word/);
    }
    expect(() => parseVoiceCues('pronouns: [he\n', 'v/ar.yaml')).toThrow(/v\/ar\.yaml:\d+:/);
    expect(() => parseVoiceCues('- he\n', 'v/ar.yaml')).toThrow(/v\/ar\.yaml:1: the file is not a YAML mapping/);
  });
});

describe('bundled voice cues', () => {
  it('load for English and Arabic with every key', () => {
    const lists = loadVoiceCues(BUNDLED);
    for (const lang of ['en', 'ar']) {
      expect(Object.keys(lists[lang]!).sort(), lang).toEqual(Object.keys(VOICE_CUE_KEYS).sort());
    }
    expect(lists.en!.speaker_nouns).toEqual(expect.arrayContaining(['spokesperson', 'minister', 'ministry', 'official']));
    expect(lists.ar!.speaker_nouns).toEqual(expect.arrayContaining(['المتحدث', 'الوزير', 'الوزارة']));
  });
});

describe('isExactNegator', () => {
  const cues = compileVoiceCues({}, { en: ['not', "don't"], ar: ['لم', 'ولم', 'ليس'] });
  it('matches the listed forms only, with an Arabic proclitic', () => {
    expect(isExactNegator(cues, ['not'])).toBe(true);
    expect(isExactNegator(cues, ["don't"])).toBe(true);
    expect(isExactNegator(cues, ['noted'])).toBe(false);
    expect(isExactNegator(cues, ['nots'])).toBe(false);
    expect(isExactNegator(cues, ['ولم'])).toBe(true);
    expect(isExactNegator(cues, ['وليس'])).toBe(true);
    expect(isExactNegator(cues, ['ليسا'])).toBe(false);
  });
});
