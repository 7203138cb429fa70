/**
 * Core types shared by every stage of the pipeline.
 *
 * Two types at each boundary (STYLE.md §2): loose shapes come in (`ParsedDoc`, `RawLexicon…`),
 * are normalised once, and every later stage works on the strict type (`Article`, `Concept`).
 */

/** ISO 639-1 code, or `und` when the language cannot be told. */
export type Lang = string;

/** Who speaks a lexicon hit (CONTRACT.md, "Voice and flags"). */
export type Voice = 'authorial' | 'quoted' | 'attributed' | 'headline';

export const VOICES: readonly Voice[] = ['authorial', 'headline', 'attributed', 'quoted'];

/** The input forms framescope reads. */
export type InputFormat = 'text' | 'version-table' | 'html' | 'jsonl' | 'csv';

/** A `[start, end)` range of UTF-16 code units in an article's `body`. */
export interface Span {
  start: number;
  end: number;
}

/** One piece of page text that cleaning took out, with why (the audit in `articles.jsonl`). */
export interface Removed {
  text: string;
  /** `repeated`, `menu`, `ticker`, `related-list`, `link-list`, `caption`, `duplicate`, `tags`, `byline`, `footer`, `comments`, … */
  reason: string;
}

/** An input that could not be analysed (a row of `skipped.csv`). */
export interface Skipped {
  /** Path as given (joined with the folder walked), or `file:line` for a record. */
  source: string;
  reason: string;
}

/** A file read from disk, before parsing. I/O happens only to produce these. */
export interface InputFile {
  /** Path as given on the command line, joined with the folder walked. */
  path: string;
  bytes: Uint8Array;
}

/** Metadata a parser or manifest may know about a page; every field optional. */
export interface MetaHints {
  title?: string;
  /** Outlet as the page names it (masthead, domain, version-table source); canonicalised later. */
  outlet?: string;
  /** Agency or source the article credits (`Source: Agencies`, `المصدر: RT`, a photo credit line is not one). */
  credit?: string;
  /** `YYYY-MM-DD`. */
  date?: string;
  /** A date field's value that could not be read as a calendar day (`03/04/2024`, a Unix time): kept to be reported. */
  dateStated?: string;
  url?: string;
  lang?: Lang;
  byline?: string;
  tags?: string[];
}

/**
 * One story version as a parser yields it, before cleaning.
 * `blocks` are paragraph candidates in page order (lines for raw text, paragraphs for HTML/records).
 */
export interface ParsedDoc {
  id: string;
  source: string;
  format: InputFormat;
  blocks: string[];
  /** True for raw page text and HTML (boilerplate cleaning applies); false for records. */
  needsCleaning: boolean;
  meta: MetaHints;
  /** Version number for version-table pages, else null. */
  version: number | null;
  /** False for earlier versions of a version table. */
  isLatest: boolean;
  /** Shared by all versions of one story (the file stem for a version table). */
  storyId: string;
  /** What parsing already took out (e.g. HTML chrome), for the audit. */
  removed: Removed[];
}

/** A cleaned article: the unit every later stage works on (CONTRACT.md "Units and ids"). */
export interface Article {
  id: string;
  source: string;
  format: InputFormat;
  outlet: string;
  credit: string;
  lang: Lang;
  title: string;
  /** `YYYY-MM-DD` or empty when the input states none. */
  date: string;
  /**
   * When `date` is empty although a date field held a value (a record's `date`, a page's `<meta>`
   * date) that could not be read as a calendar day: that value as written (`03/04/2024`), so a
   * reader sees why the article is undated. Empty otherwise.
   */
  dateStated: string;
  url: string;
  byline: string;
  tags: string[];
  version: number | null;
  isLatest: boolean;
  storyId: string;
  /**
   * The cleaned text analysed: paragraphs joined by a blank line (`\n\n`). When the article has a
   * title, the body starts with it, so headline hits have offsets like every other hit.
   */
  body: string;
  /**
   * Offset in `body` where the headline ends: 0 when the article has no title, or when it is a
   * record whose whole text is its title (then that text is read as the article's running text).
   */
  headlineEnd: number;
  removed: Removed[];
}

/** A word token (letters and digits only, CONTRACT.md "Tokens"). */
export interface Token {
  start: number;
  end: number;
  /** Normalised form used for matching: lower case; Arabic folded (see `src/text/arabic.ts`). */
  norm: string;
}

/** A lexicon concept after loading (see docs/lexicon-format.md). */
export interface Concept {
  id: string;
  /** Id of the lexicon file that holds it (`matches.csv` `lexicon`). */
  lexicon: string;
  label: string;
  frame: string;
  /** Axis values, e.g. `{ ru_ua: 1 }`; a missing axis means no side is implied. */
  axes: Record<string, number>;
  /** Terms per language code, as written in the file. */
  terms: Record<Lang, string[]>;
  exclude: Record<Lang, string[]>;
  note: string;
  source: string;
  examples: { match: string[]; noMatch: string[] };
  /** Where it was defined, for error messages. */
  file: string;
  line: number;
}

/** Competing labels for one referent (Kiev/Kyiv …). `labels` are concept ids. */
export interface ContrastSet {
  id: string;
  label: string;
  labels: string[];
  note: string;
  lexicon: string;
  file: string;
  line: number;
}

/** A named entity with a cross-language id, used by event clustering. */
export interface Entity {
  id: string;
  label: string;
  terms: Record<Lang, string[]>;
}

/** Cue lists per language (reporting verbs, negators, distancing markers …), researcher-editable. */
export interface CueLists {
  /** Verbs that carry reported speech: said, told, قال … */
  reportingVerbs: string[];
  /** Phrases that attribute the rest of the clause: according to, بحسب … */
  attributionPhrases: string[];
  negators: string[];
  distancers: string[];
}

/** Metadata of one lexicon file, for provenance. */
export interface LexiconInfo {
  id: string;
  label: string;
  version: string;
  file: string;
  /** sha256 of the file bytes, hex. */
  sha256: string;
  concepts: number;
}

/** A stance axis as a lexicon file declares it (`axes:`): id and what its +1 and −1 ends mean. */
export interface AxisInfo {
  lexicon: string;
  id: string;
  description: string;
}

/** Outlet canonicalisation data (lexicons/outlets.yaml). */
export interface OutletAlias {
  name: string;
  aliases: string[];
  domains: string[];
  /** Name to use instead when the article is in this language (RT + ar → RT Arabic). */
  byLang: Record<Lang, string>;
}

/** Everything loaded from a lexicon folder. */
export interface LexiconBundle {
  dir: string;
  lexicons: LexiconInfo[];
  /** Every lexicon's declared axes, in file order. */
  axes: AxisInfo[];
  concepts: Concept[];
  contrasts: ContrastSet[];
  entities: Entity[];
  cues: Record<Lang, CueLists>;
  /** sha256 over all files of the bundle in sorted order, hex. */
  sha256: string;
}

/** One lexicon hit (a row of `matches.csv`). */
export interface Match {
  concept: string;
  lexicon: string;
  frame: string;
  /** The lexicon term that matched, as written in the lexicon. */
  term: string;
  start: number;
  end: number;
  /** Exactly `body.slice(start, end)`. */
  matched: string;
  voice: Voice;
  negated: boolean;
  distanced: boolean;
  /** The hit's sentence, cut to at most 300 characters around the hit. */
  sentence: string;
}

/** A contrast-label occurrence, counted in its own pass (CONTRACT.md "Stance" last point). */
export interface ContrastHit {
  contrast: string;
  /** The label's concept id (e.g. `kiev`). */
  label: string;
  start: number;
  end: number;
  voice: Voice;
}

/**
 * Term counts of one article over a corpus vocabulary (`TermVocabulary` in src/text/terms.ts):
 * `keys[k]` is a word id or a bigram key, distinct; `counts[k]` its count. Keys are ascending as
 * counted, but not after a worker's ids are mapped to the run's (`remapTermCounts`): read them in
 * no particular order.
 * Typed arrays, not a map: 12 bytes per term, and they cross worker threads as plain copies.
 */
export interface TermCounts {
  keys: Float64Array;
  counts: Uint32Array;
}

/** Per-article output of text analysis: compact, the token list itself is not kept. */
export interface ArticleAnalysis {
  id: string;
  /** Word tokens in `body`. */
  tokens: number;
  matches: Match[];
  contrastHits: ContrastHit[];
  /**
   * Content-term counts for keyness and clustering: folded unigrams (stop words out) and bigrams
   * of adjacent content words, as keys of the run's `TermVocabulary` (src/text/terms.ts).
   */
  termCounts: TermCounts;
  /** Entity ids found in the article (with repeats), for cross-language clustering. */
  entities: string[];
  /**
   * Distinct hashes of the article's token norms (`hashNorm`, src/text/terms.ts), for the
   * incremental cache to tell which articles a lexicon edit can touch; dropped once stored.
   */
  normHashes?: Uint32Array;
}

/** An event cluster (rows of `clusters.csv` / `events.csv`). */
export interface EventCluster {
  id: string;
  /** Article ids, sorted. */
  members: string[];
  /** Per member: mean similarity to the other members (1 for a singleton). */
  similarity: Map<string, number>;
  topTerms: string[];
}

/** One paragraph-level change between consecutive versions of a story (rows of `versions.csv`). */
export interface VersionChange {
  storyId: string;
  /** Article ids of the two versions compared. */
  fromId: string;
  toId: string;
  fromVersion: number;
  toVersion: number;
  change: 'added' | 'removed' | 'changed';
  /** The paragraph text (the new text for `changed`). */
  text: string;
  /** Where the paragraph sits in the earlier version's body (null for `added`). */
  fromSpan: Span | null;
  /** Where the paragraph sits in the later version's body (null for `removed`). */
  toSpan: Span | null;
}
