import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import type { Lang, Token } from '../types.js';
import type { CompiledLexicon } from '../lexicon/compile.js';
import { LexiconError } from '../lexicon/errors.js';
import { buildMatcher, occurrencesAt, TokenForms, Vocabulary } from '../lexicon/matcher.js';
import type { Matcher } from '../lexicon/matcher.js';
import { parseTerm } from '../lexicon/terms.js';
import { arabicCliticForms, hasArabic } from '../text/arabic.js';
import { bundledLexiconDir } from '../paths.js';

/**
 * Voice cues beyond the five base lists of `cues/<lang>.yaml`: who can be a speaker, which words
 * make a reporting verb passive or hearsay, where reported content starts, and which words a
 * negator governs a term across. They are read from `cues/voice/<lang>.yaml` because the lexicon
 * loader accepts only the base keys in `cues/<lang>.yaml` (src/lexicon/load.ts, not owned here).
 */
export const VOICE_CUE_KEYS = {
  pronouns: 1 << 0,
  speaker_nouns: 1 << 1,
  speaker_gap: 1 << 2,
  passive_before: 1 << 3,
  not_speech_after: 1 << 4,
  complementizers: 1 << 5,
  tail_words: 1 << 6,
  continuing: 1 << 7,
  speech_settings: 1 << 8,
  negation_transparent: 1 << 9,
  determiners: 1 << 10,
  naming_verbs: 1 << 11,
  naming_openers: 1 << 12,
  not_speech_before: 1 << 13,
  source_openers: 1 << 14,
  as_verbs: 1 << 15,
  as_openers: 1 << 16,
  headline_kickers: 1 << 17,
  naming_objects: 1 << 18,
  object_verbs: 1 << 19,
  as_complement_verbs: 1 << 20,
} as const;

export type VoiceCueKey = keyof typeof VOICE_CUE_KEYS;
export type VoiceCueLists = Partial<Record<VoiceCueKey, string[]>>;

/** Bit flags of the cue kinds, for per-token masks. */
export const CUE = {
  pronoun: VOICE_CUE_KEYS.pronouns,
  speakerNoun: VOICE_CUE_KEYS.speaker_nouns,
  speakerGap: VOICE_CUE_KEYS.speaker_gap,
  passiveBefore: VOICE_CUE_KEYS.passive_before,
  notSpeechAfter: VOICE_CUE_KEYS.not_speech_after,
  complementizer: VOICE_CUE_KEYS.complementizers,
  tailWord: VOICE_CUE_KEYS.tail_words,
  continuing: VOICE_CUE_KEYS.continuing,
  speechSetting: VOICE_CUE_KEYS.speech_settings,
  negationTransparent: VOICE_CUE_KEYS.negation_transparent,
  determiner: VOICE_CUE_KEYS.determiners,
  namingVerb: VOICE_CUE_KEYS.naming_verbs,
  namingOpener: VOICE_CUE_KEYS.naming_openers,
  notSpeechBefore: VOICE_CUE_KEYS.not_speech_before,
  sourceOpener: VOICE_CUE_KEYS.source_openers,
  asVerb: VOICE_CUE_KEYS.as_verbs,
  asOpener: VOICE_CUE_KEYS.as_openers,
  headlineKicker: VOICE_CUE_KEYS.headline_kickers,
  namingObject: VOICE_CUE_KEYS.naming_objects,
  objectVerb: VOICE_CUE_KEYS.object_verbs,
  asComplementVerb: VOICE_CUE_KEYS.as_complement_verbs,
} as const;

/** Compiled voice cues: one matcher (value = bit flag) and its vocabulary, plus exact negator forms. */
export interface VoiceCues {
  matcher: Matcher<number>;
  vocabulary: Vocabulary;
  /** Base negators, normalised words joined by a space: negators match exactly (`noted` is not `not`). */
  negators: ReadonlySet<string>;
  /** Words in the longest cue phrase (how far back a phrase covering a token may start). */
  maxWords: number;
}

/**
 * Parse one `cues/voice/<lang>.yaml` (pure). Throws a `LexiconError` naming the file and line of
 * every problem.
 */
export function parseVoiceCues(text: string, file: string): VoiceCueLists {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const lineOf = (node: YamlNode | null | undefined): number => (node?.range ? lines.linePos(node.range[0]).line : 1);
  const problems: string[] = doc.errors.map((e) => `${file}:${e.linePos?.[0]?.line ?? 1}: ${e.message.split('\n')[0]}`);
  const lists: VoiceCueLists = {};
  const root = doc.contents;
  if (problems.length === 0 && root !== null && !isMap(root)) problems.push(`${file}:1: the file is not a YAML mapping — start it with cue keys such as "pronouns:"`);
  if (problems.length === 0 && isMap(root)) {
    for (const pair of root.items) {
      const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
      if (!(key in VOICE_CUE_KEYS)) {
        problems.push(`${file}:${lineOf(pair.key as YamlNode)}: unknown key "${key}" — allowed: ${Object.keys(VOICE_CUE_KEYS).join(', ')}`);
        continue;
      }
      const value = pair.value as YamlNode | null;
      if (value === null || (isScalar(value) && value.value === null)) continue;
      if (!isSeq(value)) {
        problems.push(`${file}:${lineOf(value)}: "${key}" must be a list of words or phrases`);
        continue;
      }
      const list: string[] = [];
      for (const item of value.items) {
        const word = isScalar(item) ? item.value : undefined;
        if (typeof word !== 'string' || word.trim() === '') problems.push(`${file}:${lineOf(item as YamlNode)}: ${key}: item is not a word — write it as text`);
        else list.push(word);
      }
      lists[key as VoiceCueKey] = list;
    }
  }
  if (problems.length > 0) throw new LexiconError(problems);
  return lists;
}

/** Read every `<lang>.yaml` of a `cues/voice/` folder. */
export function loadVoiceCues(dir: string): Record<Lang, VoiceCueLists> {
  const out: Record<Lang, VoiceCueLists> = Object.create(null) as Record<Lang, VoiceCueLists>;
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    if (!/\.ya?ml$/.test(name)) continue;
    const path = join(dir, name);
    out[basename(name).replace(/\.ya?ml$/, '')] = parseVoiceCues(readFileSync(path, 'utf8'), path);
  }
  return out;
}

/** Compile voice cue lists and the base negators into one matcher. */
export function compileVoiceCues(lists: Record<Lang, VoiceCueLists>, negators: Record<Lang, readonly string[]>): VoiceCues {
  const entries: { term: string; lang: Lang; value: number }[] = [];
  for (const [lang, byKey] of Object.entries(lists)) {
    for (const [key, list] of Object.entries(byKey)) {
      for (const term of list ?? []) entries.push({ term, lang, value: VOICE_CUE_KEYS[key as VoiceCueKey] });
    }
  }
  const matcher = buildMatcher(entries);
  let maxWords = 1;
  for (const { term, lang } of entries) {
    const parsed = parseTerm(term, lang);
    if (!('error' in parsed)) maxWords = Math.max(maxWords, parsed.words.length);
  }
  const exact = new Set<string>();
  for (const [lang, list] of Object.entries(negators)) {
    for (const term of list) {
      const parsed = parseTerm(term, lang);
      if (!('error' in parsed)) exact.add(parsed.words.map((w) => w.text).join(' '));
    }
  }
  return { matcher, vocabulary: new Vocabulary([matcher as Matcher<unknown>]), negators: exact, maxWords };
}

const cache = new WeakMap<CompiledLexicon, VoiceCues>();

/**
 * The voice cues of a compiled lexicon, built once: `<lexicon dir>/cues/voice/` when the folder has
 * one, else the bundled `lexicons/cues/voice/`.
 */
export function voiceCuesFor(lexicon: CompiledLexicon): VoiceCues {
  let cues = cache.get(lexicon);
  if (cues === undefined) {
    const own = join(lexicon.bundle.dir, 'cues', 'voice');
    const dir = existsSync(own) ? own : join(bundledLexiconDir(), 'cues', 'voice');
    const negators: Record<Lang, readonly string[]> = {};
    for (const [lang, lists] of Object.entries(lexicon.bundle.cues)) negators[lang] = lists.negators;
    cues = compileVoiceCues(loadVoiceCues(dir), negators);
    cache.set(lexicon, cues);
  }
  return cues;
}

/** True when normalised tokens `norms` spell one of the negators exactly (an Arabic proclitic allowed: ولم، فلا). */
export function isExactNegator(cues: VoiceCues, norms: readonly string[]): boolean {
  if (norms.length === 1 && cues.negators.has(norms[0]!)) return true;
  const rest = norms.slice(1).join(' ');
  const firsts = hasArabic(norms[0]!) ? arabicCliticForms(norms[0]!) : [norms[0]!];
  return firsts.some((first) => cues.negators.has(rest === '' ? first : `${first} ${rest}`));
}

/**
 * Voice cue flags of one text, computed on demand: only tokens near a reporting verb, an
 * attribution phrase or a hit are ever asked about, so a full pass over every token (which cost
 * about a third of the voice stage) is not needed.
 */
export class CueFlags {
  private readonly forms: TokenForms;
  /** Per token: flags of phrases starting there (-1 = not computed); multi-word ones and their ends. */
  private readonly startFlags: Int32Array;
  private readonly startCovers: Map<number, { to: number; flags: number }[]> = new Map();
  /** Per token: flags of phrases covering it (-1 = not computed). */
  private readonly coverFlags: Int32Array;

  constructor(
    readonly voiceCues: VoiceCues,
    tokens: readonly Token[],
  ) {
    this.forms = new TokenForms(tokens, voiceCues.vocabulary);
    this.startFlags = new Int32Array(tokens.length).fill(-1);
    this.coverFlags = new Int32Array(tokens.length).fill(-1);
  }

  /** Flags of the cue phrases starting at token `i`. */
  starts(i: number): number {
    let flags = this.startFlags[i]!;
    if (flags === -1) {
      flags = 0;
      const spans: { to: number; flags: number }[] = [];
      for (const o of occurrencesAt(this.voiceCues.matcher, this.forms, i)) {
        let f = 0;
        for (const v of o.values) f |= v;
        flags |= f;
        if (o.to - o.from > 1) spans.push({ to: o.to, flags: f });
      }
      this.startFlags[i] = flags;
      if (spans.length > 0) this.startCovers.set(i, spans);
    }
    return flags;
  }

  /** Flags of the cue phrases covering token `i`. */
  covers(i: number): number {
    let flags = this.coverFlags[i]!;
    if (flags !== -1) return flags;
    flags = this.starts(i);
    for (let j = i - 1; j >= Math.max(0, i - this.voiceCues.maxWords + 1); j--) {
      this.starts(j);
      for (const span of this.startCovers.get(j) ?? []) if (span.to > i) flags |= span.flags;
    }
    this.coverFlags[i] = flags;
    return flags;
  }
}
