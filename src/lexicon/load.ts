import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Node as YamlNode, YAMLMap } from 'yaml';
import type { AxisInfo, Concept, ContrastSet, CueLists, Entity, Lang, LexiconBundle, LexiconInfo } from '../types.js';
import { bundledLexiconDir } from '../paths.js';
import { LexiconError } from './errors.js';
import { otherSpellingsMatched, parseTerm, termKey, type TermWord } from './terms.js';

/** Cue lists as loaded: the shared `CueLists` plus distancers that follow the term (`المزعوم`). */
export interface LoadedCues extends CueLists {
  /** Markers that distance a term they FOLLOW (Arabic `المزعوم`); optional key `distancers_after`. */
  distancersAfter: string[];
}

const ID = /^[a-z0-9_]+$/;
/** A language code as lexicon files key terms by (`en`, `ar`). */
export const LANG = /^[a-z]{2,3}$/;
const LEXICON_KEYS = ['lexicon', 'label', 'version', 'axes', 'concepts', 'contrasts', 'note', 'source'];
const CONCEPT_KEYS = ['id', 'label', 'frame', 'axis', 'terms', 'exclude', 'note', 'source', 'examples'];
const CONTRAST_KEYS = ['id', 'label', 'labels', 'note'];
const ENTITY_KEYS = ['id', 'label', 'terms', 'note'];
const EXAMPLE_KEYS = ['match', 'no_match'];
const CUE_KEYS: Record<string, keyof LoadedCues> = {
  reporting_verbs: 'reportingVerbs',
  attribution_phrases: 'attributionPhrases',
  negators: 'negators',
  distancers: 'distancers',
  distancers_after: 'distancersAfter',
};

/** Read every `.yaml`/`.yml` of a lexicon folder (root and `cues/`) and load it; see `parseLexiconFiles`. */
export function loadLexiconBundle(dir: string): LexiconBundle {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new LexiconError([`${dir}: not a folder — pass the lexicon folder (e.g. lexicons/)`]);
  }
  const files: { path: string; text: string }[] = [];
  // A folder without its own cue lists uses the bundled ones (voice needs them).
  const cueDir = existsSync(join(dir, 'cues')) ? join(dir, 'cues') : join(bundledLexiconDir(), 'cues');
  // Voice cue lists are parsed by src/analyze/voice-cues.ts (same folder rule); read here too so
  // that they count in the bundle hash, which provenance reports.
  const voiceDir = existsSync(join(dir, 'cues', 'voice')) ? join(dir, 'cues', 'voice') : join(bundledLexiconDir(), 'cues', 'voice');
  for (const folder of [dir, cueDir, voiceDir]) {
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).sort()) {
      if (!/\.ya?ml$/.test(name)) continue;
      const path = join(folder, name);
      if (statSync(path).isFile()) files.push({ path, text: readFileSync(path, 'utf8') });
    }
  }
  return parseLexiconFiles(files, dir);
}

interface Ctx {
  problems: string[];
  file: string;
  lines: LineCounter;
}

interface PendingTerm {
  key: string;
  /** The normalised words, spelled out (two terms can share a key with different spellings). */
  words: string;
  conceptId: string;
  file: string;
  line: number;
  term: string;
}

/**
 * Load lexicon files (pure: text in, bundle out). Validates everything and throws a
 * `LexiconError` listing ALL problems. `outlets.yaml` is skipped here (loaded elsewhere) but is
 * part of the bundle hash; `cues/<lang>.yaml` give cue lists; a file with `entities:` gives
 * entities; any other file with `concepts:` is a lexicon.
 */
export function parseLexiconFiles(files: { path: string; text: string }[], dir: string): LexiconBundle {
  const problems: string[] = [];
  const sorted = [...files].sort((a, b) => (displayPath(a.path, dir) < displayPath(b.path, dir) ? -1 : 1));
  const lexicons: LexiconInfo[] = [];
  const axes: AxisInfo[] = [];
  const concepts: Concept[] = [];
  const contrasts: ContrastSet[] = [];
  const entities: Entity[] = [];
  const cues: Record<Lang, LoadedCues> = Object.create(null) as Record<Lang, LoadedCues>;
  const conceptLines = new Map<string, { file: string; line: number }>();
  const entityIds = new Map<string, string>();
  const termsSeen = new Map<string, PendingTerm>();
  const spellingsSeen: SpellingsSeen = { exact: new Map(), matched: new Map() };
  const hash = createHash('sha256');

  for (const { path, text } of sorted) {
    const file = displayPath(path, dir);
    hash.update(`${hashName(path, dir)}\0${text}\0`);
    if (/(^|\/)cues\/voice\/[^/]+$/.test(file)) continue; // hashed only: parsed by voice-cues.ts
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
    const ctx: Ctx = { problems, file, lines };
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        problems.push(`${file}:${e.linePos?.[0].line ?? 1}: YAML syntax: ${e.message.split('\n')[0]} — fix the indentation or quoting`);
      }
      continue;
    }
    const root = doc.contents;
    if (!isMap(root)) {
      problems.push(`${file}:1: the file is not a YAML mapping — start it with "lexicon:", "entities:", "outlets:" or cue keys`);
      continue;
    }
    const inCues = /(^|\/)cues\/[^/]+$/.test(file);
    if (basename(path).replace(/\.ya?ml$/, '') === 'outlets' || root.has('outlets')) continue;
    if (inCues) {
      const lang = basename(path).replace(/\.ya?ml$/, '');
      if (!LANG.test(lang)) problems.push(`${file}:1: cue file name "${lang}" is not a language code — name it like cues/en.yaml`);
      else cues[lang] = readCues(ctx, root);
      continue;
    }
    if (root.has('entities')) {
      readEntities(ctx, root, entities, entityIds);
      continue;
    }
    if (!root.has('concepts')) {
      problems.push(`${file}:1: no "concepts:" key — a lexicon file needs "lexicon:" and "concepts:" (see docs/lexicon-format.md)`);
      continue;
    }
    const info = readLexicon(ctx, root, text, { axes, concepts, contrasts }, conceptLines, { termsSeen, spellingsSeen });
    if (info !== null) lexicons.push(info);
  }

  for (const set of contrasts) {
    for (const label of set.labels) {
      if (!conceptLines.has(label)) {
        problems.push(`${set.file}:${set.line}: entry ${set.id}: contrast label "${label}" is not a concept id — define a concept "${label}" or fix the spelling`);
      }
    }
  }
  if (problems.length > 0) throw new LexiconError(problems);
  return { dir, lexicons, axes, concepts, contrasts, entities, cues, sha256: hash.digest('hex') };
}

/**
 * A file's name in the bundle hash: relative to the lexicon folder (or to the bundled folder for
 * fallback cue lists), never absolute, so the same lexicons hash the same on every machine.
 */
function hashName(path: string, dir: string): string {
  for (const [root, prefix] of [[dir, ''], [bundledLexiconDir(), 'bundled:']] as const) {
    const rel = relative(root, path);
    if (rel !== '' && !rel.startsWith('..')) return prefix + rel.split(sep).join('/');
  }
  return basename(path);
}

function displayPath(path: string, dir: string): string {
  const rel = relative(dir, path);
  const inside = rel !== '' && !rel.startsWith('..');
  return (inside ? join(dir, rel) : path).split(sep).join('/');
}

function lineOf(ctx: Ctx, node: unknown): number {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? ctx.lines.linePos(range[0]).line : 1;
}

/**
 * Terms seen so far by spelling: `exact` by the term's own words, `matched` by every word sequence
 * the term also matches (its words' match forms: English inflection undone, Arabic clitics, a
 * later word's article, a plural's case). Keys are `lang` and the words.
 */
interface SpellingsSeen {
  exact: Map<string, PendingTerm>;
  matched: Map<string, PendingTerm[]>;
}

/**
 * A term of one entry that matches another entry's term as written — `kiev regime` and `kiev
 * regimes` (the text "Kiev regimes" matches both: a token's forms include its stem), `occupy`
 * and `occupied`, `نظام كييف` and `ونظام كييف` — makes the text count for whichever the scan
 * meets first: an error, like the same term in two entries (`otherSpellingsMatched`; globs are
 * left out). `termKey` duplicates are reported by the caller.
 */
function checkSpellingOverlap(ctx: Ctx, lang: string, words: readonly TermWord[], term: PendingTerm, seen: SpellingsSeen): void {
  const spellings = otherSpellingsMatched(words);
  if (spellings === undefined) return;
  const own = `${lang}\0${term.words}`;
  const where = (other: PendingTerm): string => `(${other.file === ctx.file ? '' : `${other.file} `}line ${other.line})`;
  const report = (other: PendingTerm, spelled: string): void => {
    ctx.problems.push(
      `${ctx.file}:${term.line}: entry ${term.conceptId}: term "${term.term}" and term "${other.term}" of entry ${other.conceptId} ${where(other)} both match the text "${spelled}" (inflection or Arabic clitics) — keep them in one entry`,
    );
  };
  const matched = spellings.map((spelling) => `${lang}\0${spelling}`);
  // Does an earlier term of another entry match this one as written?
  for (const key of matched) {
    const other = seen.exact.get(key);
    if (other !== undefined && other.conceptId !== term.conceptId) report(other, term.term);
  }
  // Does this term match an earlier term of another entry as written?
  const other = seen.matched.get(own)?.find((earlier) => earlier.conceptId !== term.conceptId);
  if (other !== undefined) report(other, other.term);
  if (!seen.exact.has(own)) seen.exact.set(own, term);
  for (const key of matched) {
    const list = seen.matched.get(key);
    if (list === undefined) seen.matched.set(key, [term]);
    else if (!list.some((earlier) => earlier.conceptId === term.conceptId)) list.push(term);
  }
}

function readLexicon(
  ctx: Ctx,
  root: YAMLMap,
  text: string,
  out: { axes: AxisInfo[]; concepts: Concept[]; contrasts: ContrastSet[] },
  conceptLines: Map<string, { file: string; line: number }>,
  seen: { termsSeen: Map<string, PendingTerm>; spellingsSeen: SpellingsSeen },
): LexiconInfo | null {
  checkKeys(ctx, root, LEXICON_KEYS, 'lexicon file');
  const id = scalarString(root.get('lexicon'));
  if (id === null || !ID.test(id)) {
    ctx.problems.push(`${ctx.file}:1: "lexicon:" id ${id === null ? 'is missing' : `"${id}" is not [a-z0-9_]+`} — add e.g. "lexicon: ru_ua"`);
    return null;
  }
  const axes = new Set<string>();
  const axesNode = root.get('axes', true);
  if (axesNode !== undefined && axesNode !== null) {
    if (!isMap(axesNode)) ctx.problems.push(`${ctx.file}:${lineOf(ctx, axesNode)}: "axes:" must be a mapping of axis id to description`);
    else {
      for (const pair of axesNode.items) {
        const axis = String(isScalar(pair.key) ? pair.key.value : pair.key);
        axes.add(axis);
        out.axes.push({ lexicon: id, id: axis, description: scalarString(isScalar(pair.value) ? pair.value.value : pair.value) ?? '' });
      }
    }
  }
  const list = root.get('concepts', true);
  let count = 0;
  if (!isSeq(list)) {
    ctx.problems.push(`${ctx.file}:${lineOf(ctx, list)}: "concepts:" must be a list of entries (- id: …)`);
  } else {
    for (const item of list.items) {
      const concept = readConcept(ctx, item as YamlNode, id, axes, conceptLines, seen);
      if (concept !== null) {
        out.concepts.push(concept);
        count++;
      }
    }
  }
  const contrastNode = root.get('contrasts', true);
  if (contrastNode !== undefined && contrastNode !== null) {
    if (!isSeq(contrastNode)) ctx.problems.push(`${ctx.file}:${lineOf(ctx, contrastNode)}: "contrasts:" must be a list of entries`);
    else for (const item of contrastNode.items) {
      const set = readContrast(ctx, item as YamlNode, id);
      if (set !== null) out.contrasts.push(set);
    }
  }
  return {
    id,
    label: scalarString(root.get('label')) ?? id,
    version: scalarString(root.get('version')) ?? '',
    file: ctx.file,
    sha256: createHash('sha256').update(text).digest('hex'),
    concepts: count,
  };
}

function readConcept(
  ctx: Ctx,
  node: YamlNode,
  lexicon: string,
  axes: Set<string>,
  conceptLines: Map<string, { file: string; line: number }>,
  { termsSeen, spellingsSeen }: { termsSeen: Map<string, PendingTerm>; spellingsSeen: SpellingsSeen },
): Concept | null {
  const line = lineOf(ctx, node);
  if (!isMap(node)) {
    ctx.problems.push(`${ctx.file}:${line}: a concept must be a mapping (id:, label:, frame:, terms:) — check the indentation`);
    return null;
  }
  const id = scalarString(node.get('id'));
  const where = `${ctx.file}:${line}: entry ${id ?? '(no id)'}`;
  const before = ctx.problems.length;
  if (id === null) ctx.problems.push(`${where}: missing "id" — add "id: some_id" ([a-z0-9_]+)`);
  else if (!ID.test(id)) ctx.problems.push(`${where}: id "${id}" is not [a-z0-9_]+ — use lower case letters, digits and _`);
  else {
    const prior = conceptLines.get(id);
    if (prior !== undefined) ctx.problems.push(`${where}: id "${id}" is already used (${prior.file}:${prior.line}) — ids must be unique across the folder`);
    else conceptLines.set(id, { file: ctx.file, line });
  }
  checkKeys(ctx, node, CONCEPT_KEYS, `entry ${id ?? '(no id)'}`);
  const label = requireString(ctx, node, 'label', where);
  const frame = requireString(ctx, node, 'frame', where);
  const axis: Record<string, number> = Object.create(null) as Record<string, number>;
  const axisNode = node.get('axis', true);
  if (axisNode !== undefined && axisNode !== null) {
    if (!isMap(axisNode)) ctx.problems.push(`${where}: "axis" must be a mapping like { ru_ua: 1 }`);
    else for (const pair of axisNode.items) {
      const name = String(isScalar(pair.key) ? pair.key.value : pair.key);
      const value = isScalar(pair.value) ? pair.value.value : undefined;
      if (!axes.has(name)) ctx.problems.push(`${where}: axis "${name}" is not declared — add it under "axes:" at the top of the file`);
      if (typeof value !== 'number' || !Number.isFinite(value) || value < -1 || value > 1) {
        ctx.problems.push(`${where}: axis ${name} value ${JSON.stringify(value ?? null)} is out of range — use a number from -1 to 1`);
      } else axis[name] = value;
    }
  }
  const terms = readTermMap(ctx, node, 'terms', where, true);
  const exclude = readTermMap(ctx, node, 'exclude', where, false);
  const examples = readExamples(ctx, node, where);
  if (id !== null) {
    for (const [lang, list] of Object.entries(terms)) {
      for (const term of list) {
        const parsed = parseTerm(term.text, lang);
        if ('error' in parsed) continue;
        const key = `${lang}\0${termKey(parsed.words)}`;
        const words = parsed.words.map((w) => w.text).join(' ');
        const prior = termsSeen.get(key);
        if (prior === undefined) {
          const pending: PendingTerm = { key, words, conceptId: id, file: ctx.file, line: term.line, term: term.text };
          termsSeen.set(key, pending);
          checkSpellingOverlap(ctx, lang, parsed.words, pending, spellingsSeen);
        } else if (prior.conceptId !== id) {
          // Spelled differently but matching the same words (termKey): an Arabic article or plural ending.
          const as = prior.words === words ? '' : ` as "${prior.term}" (Arabic: a later word matches with or without ال, a plural in ون or ين)`;
          ctx.problems.push(`${ctx.file}:${term.line}: entry ${id}: term "${term.text}" is also in entry ${prior.conceptId}${as} (${prior.file === ctx.file ? '' : `${prior.file} `}line ${prior.line}) — keep it in one entry`);
        }
      }
    }
  }
  if (ctx.problems.length > before || id === null) return null;
  return {
    id,
    lexicon,
    label: label ?? id,
    frame: frame ?? '',
    axes: axis,
    terms: plainTerms(terms),
    exclude: plainTerms(exclude),
    note: scalarString(node.get('note')) ?? '',
    source: scalarString(node.get('source')) ?? '',
    examples,
    file: ctx.file,
    line,
  };
}

function plainTerms(map: Record<Lang, { text: string; line: number }[]>): Record<Lang, string[]> {
  const out: Record<Lang, string[]> = Object.create(null) as Record<Lang, string[]>;
  for (const [lang, list] of Object.entries(map)) out[lang] = [...new Set(list.map((t) => t.text))];
  return out;
}

function readTermMap(ctx: Ctx, node: YAMLMap, key: string, where: string, required: boolean): Record<Lang, { text: string; line: number }[]> {
  const out: Record<Lang, { text: string; line: number }[]> = Object.create(null) as Record<Lang, { text: string; line: number }[]>;
  const value = node.get(key, true);
  if (value === undefined || value === null) {
    if (required) ctx.problems.push(`${where}: missing "${key}" — add e.g. "${key}: { en: [some phrase] }"`);
    return out;
  }
  if (!isMap(value)) {
    ctx.problems.push(`${where}: "${key}" must map language codes to terms, e.g. { en: [a, b], ar: [ج] }`);
    return out;
  }
  let total = 0;
  for (const pair of value.items) {
    const lang = String(isScalar(pair.key) ? pair.key.value : pair.key);
    const termLine = lineOf(ctx, pair.key);
    if (!LANG.test(lang)) ctx.problems.push(`${ctx.file}:${termLine}: ${where.split(': ').slice(1).join(': ')}: "${lang}" is not a language code — use ISO 639-1 like en, ar`);
    const items = isSeq(pair.value) ? pair.value.items : [pair.value];
    const list: { text: string; line: number }[] = [];
    for (const item of items) {
      const text = isScalar(item) ? item.value : undefined;
      const itemLine = lineOf(ctx, item ?? pair.key);
      const at = `${ctx.file}:${itemLine}: ${where.split(': ').slice(1).join(': ')}`;
      if (typeof text !== 'string' && typeof text !== 'number') {
        ctx.problems.push(`${at}: ${key} ${lang} holds a non-text item — write each term as a string`);
        continue;
      }
      const parsed = parseTerm(String(text), lang);
      if ('error' in parsed) ctx.problems.push(`${at}: ${parsed.error}`);
      else list.push({ text: String(text), line: itemLine });
    }
    if (items.length === 0) ctx.problems.push(`${ctx.file}:${termLine}: ${where.split(': ').slice(1).join(': ')}: ${key} ${lang} is empty — add a term or remove the language`);
    total += list.length;
    out[lang] = list;
  }
  if (required && total === 0 && value.items.length === 0) ctx.problems.push(`${where}: "${key}" is empty — add at least one term`);
  return out;
}

function readExamples(ctx: Ctx, node: YAMLMap, where: string): { match: string[]; noMatch: string[] } {
  const out = { match: [] as string[], noMatch: [] as string[] };
  const value = node.get('examples', true);
  if (value === undefined || value === null) return out;
  if (!isMap(value)) {
    ctx.problems.push(`${where}: "examples" must be a mapping with "match:" and/or "no_match:" lists`);
    return out;
  }
  checkKeys(ctx, value, EXAMPLE_KEYS, where.split(': ').slice(1).join(': ') + ' examples');
  for (const [key, target] of [['match', out.match], ['no_match', out.noMatch]] as const) {
    const list = value.get(key, true);
    if (list === undefined || list === null) continue;
    if (!isSeq(list)) {
      ctx.problems.push(`${ctx.file}:${lineOf(ctx, list)}: ${where.split(': ').slice(1).join(': ')}: examples ${key} must be a list of sentences`);
      continue;
    }
    for (const item of list.items) {
      const text = isScalar(item) ? item.value : undefined;
      if (typeof text !== 'string' || text.trim() === '') {
        ctx.problems.push(`${ctx.file}:${lineOf(ctx, item)}: ${where.split(': ').slice(1).join(': ')}: examples ${key} item is not a sentence — write it as text`);
      } else target.push(text);
    }
  }
  return out;
}

function readContrast(ctx: Ctx, node: YamlNode, lexicon: string): ContrastSet | null {
  const line = lineOf(ctx, node);
  if (!isMap(node)) {
    ctx.problems.push(`${ctx.file}:${line}: a contrast must be a mapping (id:, label:, labels:)`);
    return null;
  }
  const id = scalarString(node.get('id'));
  const where = `${ctx.file}:${line}: entry ${id ?? '(no id)'}`;
  const before = ctx.problems.length;
  if (id === null || !ID.test(id)) ctx.problems.push(`${where}: contrast id ${id === null ? 'missing' : `"${id}" is not [a-z0-9_]+`} — add "id: some_id"`);
  checkKeys(ctx, node, CONTRAST_KEYS, `entry ${id ?? '(no id)'}`);
  const labelsNode = node.get('labels', true);
  const labels: string[] = [];
  if (!isSeq(labelsNode)) ctx.problems.push(`${where}: "labels" must be a list of concept ids, e.g. [kiev, kyiv]`);
  else for (const item of labelsNode.items) {
    const value = isScalar(item) ? item.value : undefined;
    if (typeof value === 'string') labels.push(value);
    else ctx.problems.push(`${ctx.file}:${lineOf(ctx, item)}: entry ${id}: a contrast label must be a concept id`);
  }
  if (isSeq(labelsNode) && labels.length < 2) ctx.problems.push(`${where}: a contrast needs at least two labels`);
  if (ctx.problems.length > before || id === null) return null;
  return { id, label: scalarString(node.get('label')) ?? id, labels, note: scalarString(node.get('note')) ?? '', lexicon, file: ctx.file, line };
}

function readEntities(ctx: Ctx, root: YAMLMap, entities: Entity[], seen: Map<string, string>): void {
  const list = root.get('entities', true);
  if (!isSeq(list)) {
    ctx.problems.push(`${ctx.file}:${lineOf(ctx, list)}: "entities:" must be a list of entries (- id: …)`);
    return;
  }
  for (const node of list.items) {
    const line = lineOf(ctx, node);
    if (!isMap(node)) {
      ctx.problems.push(`${ctx.file}:${line}: an entity must be a mapping (id:, label:, terms:)`);
      continue;
    }
    const id = scalarString(node.get('id'));
    const where = `${ctx.file}:${line}: entry ${id ?? '(no id)'}`;
    const before = ctx.problems.length;
    if (id === null || !ID.test(id)) ctx.problems.push(`${where}: entity id ${id === null ? 'missing' : `"${id}" is not [a-z0-9_]+`} — add "id: some_id"`);
    else if (seen.has(id)) ctx.problems.push(`${where}: entity id "${id}" is already used (${seen.get(id)}) — ids must be unique`);
    else seen.set(id, `${ctx.file}:${line}`);
    checkKeys(ctx, node, ENTITY_KEYS, `entry ${id ?? '(no id)'}`);
    const terms = readTermMap(ctx, node, 'terms', where, true);
    if (ctx.problems.length > before || id === null) continue;
    entities.push({ id, label: scalarString(node.get('label')) ?? id, terms: plainTerms(terms) });
  }
}

function readCues(ctx: Ctx, root: YAMLMap): LoadedCues {
  const cues: LoadedCues = { reportingVerbs: [], attributionPhrases: [], negators: [], distancers: [], distancersAfter: [] };
  checkKeys(ctx, root, Object.keys(CUE_KEYS), 'cue file');
  for (const [key, field] of Object.entries(CUE_KEYS)) {
    const list = root.get(key, true);
    if (list === undefined || list === null) continue;
    if (!isSeq(list)) {
      ctx.problems.push(`${ctx.file}:${lineOf(ctx, list)}: "${key}" must be a list of words or phrases`);
      continue;
    }
    for (const item of list.items) {
      const text = isScalar(item) ? item.value : undefined;
      if (typeof text !== 'string' || text.trim() === '') ctx.problems.push(`${ctx.file}:${lineOf(ctx, item)}: ${key}: item is not a word — write it as text`);
      else cues[field].push(text);
    }
  }
  return cues;
}

function checkKeys(ctx: Ctx, node: YAMLMap, allowed: readonly string[], what: string): void {
  for (const pair of node.items) {
    const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
    if (allowed.includes(key)) continue;
    const guess = closest(key, allowed);
    ctx.problems.push(`${ctx.file}:${lineOf(ctx, pair.key)}: ${what}: unknown key "${key}" — ${guess === null ? `allowed: ${allowed.join(', ')}` : `did you mean "${guess}"?`}`);
  }
}

function requireString(ctx: Ctx, node: YAMLMap, key: string, where: string): string | null {
  const value = scalarString(node.get(key));
  if (value === null || value.trim() === '') {
    ctx.problems.push(`${where}: missing "${key}" — add "${key}: …"`);
    return null;
  }
  return value;
}

function scalarString(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/** The allowed key within edit distance 2 of a typo, for "did you mean". */
function closest(key: string, allowed: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const candidate of allowed) {
    const d = editDistance(key, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}
