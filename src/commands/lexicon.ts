import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { stringify as stringifyYaml } from 'yaml';
import { checkLexiconExamples, compileLexicons, LexiconError, loadLexiconBundle, parseTerm } from '../lexicon/index.js';
import { UsageError } from '../errors.js';
import { LANG } from '../lexicon/load.js';
import { otherSpellingsMatched, termKey } from '../lexicon/terms.js';
import type { Concept } from '../types.js';

/**
 * Columns of the lexicon sheet (import and export), in export order. `label` (the concept's
 * label), `lexicon` (the file it came from) and `kind` are optional on import: older sheets
 * still import. One item per row, so a spreadsheet can filter and sort them; `kind` says what the
 * row's `term` cell holds (`SHEET_KINDS`), a term when empty.
 */
export const SHEET_COLUMNS = ['concept', 'lang', 'term', 'frame', 'axis', 'note', 'source', 'label', 'lexicon', 'kind'] as const;

/**
 * What a sheet row holds in its `term` cell: a term, an `exclude` phrase (both in the row's
 * `lang`), or an example sentence the concept must hit (`match`) or must not (`no_match`; examples
 * belong to the concept, not to one language, so their `lang` may be empty). Two kinds describe
 * the lexicon rather than a concept, so that a sheet round-trips a whole lexicon file: `axis`
 * (`concept` = the axis id, `term` = what its +1 and −1 ends mean) and `contrast` (`concept` =
 * the contrast set's id, `term` = one of its labels, a concept id, one row per label in order;
 * `label` and `note` = the set's). `entity` rows hold the named entities of `entities.yaml`
 * (`concept` = the entity id, `lang` and `term` = one of its names, `label` = its label), which
 * import into an entities file of their own (`importEntities`).
 */
export const SHEET_KINDS = ['term', 'exclude', 'match', 'no_match', 'axis', 'contrast', 'entity'] as const;
type SheetKind = (typeof SHEET_KINDS)[number];

/**
 * `framescope lexicon check [dir]`: validate the folder and run every entry's examples. One line
 * per failure (`file:line: …`) on `err` and exit 1; otherwise a summary line on `out`, after a
 * note per pair of terms of one entry that match the same words (`sameWordTerms`).
 */
export function runLexiconCheck(dir: string): { out: string; err: string; exitCode: 0 | 1 } {
  let bundle;
  try {
    bundle = loadLexiconBundle(dir);
  } catch (error) {
    if (error instanceof LexiconError) return { out: '', err: `${error.problems.join('\n')}\n`, exitCode: 1 };
    throw error;
  }
  const failures = checkLexiconExamples(bundle, compileLexicons(bundle));
  if (failures.length > 0) return { out: '', err: `${failures.join('\n')}\n`, exitCode: 1 };
  const examples = bundle.concepts.reduce((n, c) => n + c.examples.match.length + c.examples.noMatch.length, 0);
  const terms = bundle.concepts.reduce((n, c) => n + Object.values(c.terms).reduce((m, list) => m + list.length, 0), 0);
  const notes = sameWordTerms(bundle.concepts).map((note) => `note: ${note}\n`).join('');
  const out =
    notes +
    `lexicons OK: ${bundle.lexicons.length} lexicon file(s), ${bundle.concepts.length} concepts, ${terms} terms, ` +
    `${bundle.contrasts.length} contrast sets, ${bundle.entities.length} entities, ${examples} examples passed (sha256 ${bundle.sha256.slice(0, 12)})\n`;
  return { out, err: '', exitCode: 0 };
}

/**
 * Terms of one entry and language of which one is enough: two that match the same words — an
 * Arabic article on a later word, a plural in ون or ين (`termKey`) — or one whose own spelling the
 * other matches too (`otherSpellingsMatched`: `invade` matches "invaded", `نظام` matches "ونظام").
 * Not an error: the matcher reports the spelling the text has when both are listed.
 */
export function sameWordTerms(concepts: readonly Concept[]): string[] {
  const notes: string[] = [];
  for (const concept of concepts) {
    for (const [lang, terms] of Object.entries(concept.terms)) {
      const where = `${concept.file}:${concept.line}: entry ${concept.id}: ${lang}`;
      const firstByKey = new Map<string, string>();
      const parsedTerms: { term: string; words: string; spellings: string[] | undefined }[] = [];
      for (const term of terms) {
        const parsed = parseTerm(term, lang);
        if ('error' in parsed) continue;
        const key = termKey(parsed.words);
        const first = firstByKey.get(key);
        if (first === undefined) {
          firstByKey.set(key, term);
          parsedTerms.push({ term, words: parsed.words.map((word) => word.text).join(' '), spellings: otherSpellingsMatched(parsed.words) });
        } else notes.push(`${where} terms "${first}" and "${term}" match the same words — one is enough`);
      }
      for (const { term, spellings } of parsedTerms) {
        const wider = parsedTerms.find((other) => other.term !== term && spellings?.includes(other.words));
        if (wider !== undefined) notes.push(`${where} term "${term}" is matched by "${wider.term}" as written (inflection or Arabic clitics) — one is enough`);
      }
    }
  }
  return notes;
}

interface SheetRow {
  concept: string;
  lang: string;
  term: string;
  frame: string;
  axis: string;
  note: string;
  source: string;
  label: string;
  lexicon: string;
  kind: SheetKind;
}

/**
 * `framescope lexicon import <file>`: convert a quanteda/LIWC `.dic` dictionary or a CSV sheet
 * (`SHEET_COLUMNS`: `concept, lang, term` required) to lexicon YAML text. The lexicon id is the
 * sheet's `lexicon` column when every row names the same one, else the file name. Throws a
 * `UsageError` (the CLI exits 1) naming the file and line for unreadable input.
 */
export function importLexicon(path: string): string {
  const all = readRows(path);
  const rows = all.filter((row) => row.kind !== 'entity');
  const entityRows = all.length - rows.length;
  // A sheet of entity rows alone is an entities file (`lexicon export` of an entities-only folder, or a filtered sheet).
  if (rows.length === 0 && entityRows > 0) return entitiesToYaml(all, path);
  const named = [...new Set(rows.map((row) => row.lexicon).filter(Boolean))];
  const id = idOf(named.length === 1 ? named[0]! : basename(path, extname(path))) || 'imported';
  const left = entityRows > 0 ? `# Left out: ${entityRows} entity row(s); \`framescope lexicon import --entities\` makes entities.yaml of them.\n` : '';
  return sheetToYaml(rows, id, path, named.length > 1 ? named : [], left);
}

/**
 * `framescope lexicon import --entities <file.csv>`: the sheet's `entity` rows as an entities file
 * (`entities.yaml`), the other rows left out. Throws a `UsageError` naming the file when it has none.
 */
export function importEntities(path: string): string {
  const rows = readRows(path);
  if (!rows.some((row) => row.kind === 'entity')) throw new UsageError(`${path}: no entity rows (kind "entity": concept = the entity id, lang and term = one of its names)`);
  return entitiesToYaml(rows, path);
}

function readRows(path: string): SheetRow[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new UsageError(`${path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return extname(path).toLowerCase() === '.dic' ? readDic(text, path) : readSheet(text, path);
}

/** The `entity` rows of a sheet as an entities file: one entry per id in sheet order, names per language in row order. */
function entitiesToYaml(rows: readonly SheetRow[], path: string): string {
  // The label is the first row's that has one (else the id as typed).
  const entities = new Map<string, { id: string; label: string; named: string; terms: Record<string, string[]> }>();
  const skipped: string[] = [];
  for (const row of rows) {
    if (row.kind !== 'entity') continue;
    const id = idOf(row.concept) || 'entity';
    let entity = entities.get(id);
    if (entity === undefined) entities.set(id, (entity = { id, label: '', named: row.concept, terms: {} }));
    entity.label ||= row.label;
    if ('error' in parseTerm(row.term, row.lang)) {
      skipped.push(`${row.concept} ${row.lang} "${row.term}"`);
      continue;
    }
    const list = (entity.terms[row.lang] ??= []);
    if (!list.includes(row.term)) list.push(row.term);
  }
  const header = `# Entities imported by framescope lexicon import from ${basename(path)} (save as entities.yaml in the lexicon folder).\n` +
    (skipped.length > 0 ? `# Skipped (not plain words; * only at a word end): ${skipped.join('; ')}\n` : '');
  const kept = [...entities.values()]
    .filter((entity) => Object.keys(entity.terms).length > 0)
    .map(({ id, label, named, terms }) => ({ id, label: label || named, terms }));
  return header + stringifyYaml({ entities: kept }, { lineWidth: 0 });
}

/** A lexicon or concept id from a name: lower case, runs of other characters as `_`. */
function idOf(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
}

/**
 * quanteda/LIWC `.dic`: a `%`-delimited header of `<number><TAB><category>` lines, then
 * `<term><TAB><category numbers>` lines (Pennebaker et al., LIWC2015 manual; quanteda
 * `dictionary(format = "LIWC")`). Each category becomes a concept.
 */
function readDic(text: string, path: string): SheetRow[] {
  const lines = text.split(/\r?\n/);
  const categories = new Map<string, string>();
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  if (lines[i]?.trim() !== '%') throw new UsageError(`${path}:${i + 1}: a .dic file must start with a "%" line opening the category header`);
  for (i++; i < lines.length && lines[i]!.trim() !== '%'; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const m = /^(\S+)\s+(.+)$/.exec(line);
    if (m === null) throw new UsageError(`${path}:${i + 1}: category line must be "<number><TAB><name>"`);
    categories.set(m[1]!, m[2]!.trim());
  }
  if (i >= lines.length) throw new UsageError(`${path}:${lines.length}: the category header is not closed by a second "%" line`);
  const rows: SheetRow[] = [];
  for (i++; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const parts = line.split('\t');
    const term = parts[0]!.trim();
    const ids = parts.length > 1 ? parts.slice(1).join(' ').trim().split(/\s+/) : [];
    if (ids.length === 0) throw new UsageError(`${path}:${i + 1}: term "${term}" has no category numbers — write "<term><TAB><numbers>"`);
    for (const catId of ids) {
      const name = categories.get(catId);
      if (name === undefined) throw new UsageError(`${path}:${i + 1}: category ${catId} is not in the header`);
      rows.push({ concept: name, lang: /[\u0600-\u06FF]/.test(term) ? 'ar' : 'en', term, frame: name, axis: '', note: '', source: basename(path), label: '', lexicon: '', kind: 'term' });
    }
  }
  return rows;
}

function readSheet(text: string, path: string): SheetRow[] {
  let records: Record<string, string>[];
  try {
    records = parseCsv(text, { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  } catch (error) {
    throw new UsageError(`${path}: CSV: ${(error as Error).message}`);
  }
  return records.map((r, k) => {
    // Spreadsheets capitalise what is typed in a cell: `Match` is `match`.
    const kind = (r.kind?.toLowerCase() || 'term') as SheetKind;
    if (!SHEET_KINDS.includes(kind)) throw new UsageError(`${path}:${k + 2}: kind "${r.kind}" is not one of ${SHEET_KINDS.join(', ')} (empty means term)`);
    const noLanguage = kind === 'match' || kind === 'no_match' || kind === 'axis' || kind === 'contrast';
    for (const column of noLanguage ? ['concept', 'term'] : ['concept', 'lang', 'term']) {
      if (!r[column]) throw new UsageError(`${path}:${k + 2}: column "${column}" is empty — every row needs concept, lang and term (an example, axis or contrast row: concept and term)`);
    }
    if (kind === 'entity' && !LANG.test(r.lang!)) throw new UsageError(`${path}:${k + 2}: entity row: lang "${r.lang}" is not a language code (en, ar, …)`);
    return {
      concept: r.concept!, lang: r.lang ?? '', term: r.term!, frame: r.frame ?? '', axis: r.axis ?? '', note: r.note ?? '', source: r.source ?? '',
      label: r.label ?? '', lexicon: r.lexicon ?? '', kind,
    };
  });
}

/** A concept as a sheet gives it, before it is written as YAML (`axis` as the YAML spells it). */
type ImportedConcept = Pick<Concept, 'id' | 'label' | 'frame' | 'terms' | 'exclude' | 'examples' | 'note' | 'source'> & { axis: Record<string, number> };

/** `merged`: the lexicons a sheet named when it held more than one (their concepts go into one file). */
function sheetToYaml(rows: SheetRow[], lexiconId: string, path: string, merged: readonly string[], note = ''): string {
  const concepts = new Map<string, ImportedConcept>();
  const axes = new Set<string>();
  const described = new Map<string, string>();
  const contrasts = new Map<string, { id: string; label: string; labels: string[]; note: string }>();
  const skipped: string[] = [];
  for (const row of rows) {
    if (row.kind === 'axis') {
      const axis = idOf(row.concept);
      axes.add(axis);
      described.set(axis, row.term);
      continue;
    }
    if (row.kind === 'contrast') {
      const id = idOf(row.concept) || 'contrast';
      let set = contrasts.get(id);
      if (set === undefined) contrasts.set(id, (set = { id, label: row.label || row.concept, labels: [], note: row.note }));
      const label = idOf(row.term);
      if (!set.labels.includes(label)) set.labels.push(label);
      continue;
    }
    const id = idOf(row.concept) || 'concept';
    let concept = concepts.get(id);
    if (concept === undefined) {
      concept = { id, label: row.label || row.concept, frame: row.frame || 'imported', axis: {}, terms: {}, exclude: {}, examples: { match: [], noMatch: [] }, note: row.note, source: row.source };
      concepts.set(id, concept);
    }
    for (const part of row.axis.split(';').map((p) => p.trim()).filter(Boolean)) {
      const m = /^([a-z0-9_]+)\s*[=:]\s*(-?\d+(?:\.\d+)?)$/.exec(part);
      if (m === null) throw new UsageError(`${path}: concept ${row.concept}: axis "${part}" must look like ru_ua=1`);
      concept.axis[m[1]!] = Number(m[2]);
      axes.add(m[1]!);
    }
    if (!concept.note && row.note) concept.note = row.note;
    if (!concept.source && row.source) concept.source = row.source;
    if (row.kind === 'match' || row.kind === 'no_match') {
      const list = row.kind === 'match' ? concept.examples.match : concept.examples.noMatch;
      if (!list.includes(row.term)) list.push(row.term);
      continue;
    }
    if ('error' in parseTerm(row.term, row.lang)) {
      skipped.push(`${row.concept} ${row.lang} ${row.kind === 'exclude' ? 'exclude ' : ''}"${row.term}"`);
      continue;
    }
    const list = ((row.kind === 'exclude' ? concept.exclude : concept.terms)[row.lang] ??= []);
    if (!list.includes(row.term)) list.push(row.term);
  }
  const doc = {
    lexicon: lexiconId,
    label: `Imported from ${basename(path)}`,
    version: '0.1.0',
    ...(axes.size > 0 ? { axes: Object.fromEntries([...axes].sort().map((a) => [a, described.get(a) || 'imported axis: describe its +1 and -1 ends'])) } : {}),
    concepts: [...concepts.values()].map((c) => ({
      id: c.id,
      label: c.label,
      frame: c.frame,
      ...(Object.keys(c.axis).length > 0 ? { axis: c.axis } : {}),
      terms: c.terms,
      ...(Object.keys(c.exclude).length > 0 ? { exclude: c.exclude } : {}),
      ...(c.note ? { note: c.note } : {}),
      ...(c.source ? { source: c.source } : {}),
      ...(c.examples.match.length + c.examples.noMatch.length > 0
        ? { examples: { ...(c.examples.match.length > 0 ? { match: c.examples.match } : {}), ...(c.examples.noMatch.length > 0 ? { no_match: c.examples.noMatch } : {}) } }
        : {}),
    })),
    ...(contrasts.size > 0 ? { contrasts: [...contrasts.values()].map((set) => ({ id: set.id, label: set.label, labels: set.labels, ...(set.note ? { note: set.note } : {}) })) } : {}),
  };
  const header = `# Imported by framescope lexicon import from ${basename(path)}.\n` +
    (merged.length > 0 ? `# The sheet held the concepts of several lexicons, merged here: ${merged.join(', ')}.\n` : '') +
    note +
    (skipped.length > 0 ? `# Skipped (not plain words; * only at a word end): ${skipped.join('; ')}\n` : '');
  return header + stringifyYaml(doc, { lineWidth: 0 });
}

/**
 * `framescope lexicon export --csv`: every concept's terms, excludes and examples, then every
 * lexicon's axes and contrast sets, then the entities, as sheet rows (`SHEET_KINDS`); a lexicon
 * file round-trips through `importLexicon`, the entities through `importEntities`.
 */
export function exportLexiconCsv(dir: string): string {
  const bundle = loadLexiconBundle(dir);
  const rows: string[][] = [];
  const concepts = [...bundle.concepts].sort((a, b) => (a.lexicon + a.id < b.lexicon + b.id ? -1 : 1));
  for (const c of concepts) {
    const axis = Object.entries(c.axes).map(([k, v]) => `${k}=${v}`).join(';');
    const row = (lang: string, text: string, kind: SheetKind): string[] => [c.id, lang, text, c.frame, axis, c.note, c.source, c.label, c.lexicon, kind];
    for (const lang of Object.keys(c.terms).sort()) for (const term of c.terms[lang]!) rows.push(row(lang, term, 'term'));
    for (const lang of Object.keys(c.exclude).sort()) for (const phrase of c.exclude[lang]!) rows.push(row(lang, phrase, 'exclude'));
    for (const sentence of c.examples.match) rows.push(row('', sentence, 'match'));
    for (const sentence of c.examples.noMatch) rows.push(row('', sentence, 'no_match'));
  }
  const byLexiconAndId = <T extends { lexicon: string; id: string }>(items: readonly T[]): T[] =>
    [...items].sort((a, b) => (a.lexicon < b.lexicon ? -1 : a.lexicon > b.lexicon ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const axis of byLexiconAndId(bundle.axes)) rows.push([axis.id, '', axis.description, '', '', '', '', '', axis.lexicon, 'axis']);
  for (const set of byLexiconAndId(bundle.contrasts)) for (const label of set.labels) rows.push([set.id, '', label, '', '', set.note, '', set.label, set.lexicon, 'contrast']);
  // In file order (entities.yaml orders them by kind: people, places, …), names per language sorted by language.
  for (const entity of bundle.entities) {
    for (const lang of Object.keys(entity.terms).sort()) for (const name of entity.terms[lang]!) rows.push([entity.id, lang, name, '', '', '', '', entity.label, '', 'entity']);
  }
  return stringifyCsv([[...SHEET_COLUMNS], ...rows], { record_delimiter: '\n' });
}
