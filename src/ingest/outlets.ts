/**
 * Outlet alias data (lexicons/outlets.yaml, format in docs/lexicon-format.md) and the one
 * function that turns a page's own naming of its publisher into the canonical outlet name.
 */
import { parseDocument, isMap, isSeq, isScalar, LineCounter } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import { UsageError } from '../errors.js';
import type { Lang, OutletAlias } from '../types.js';

/** Parse outlets.yaml; broken data throws `file:line: …` with how to fix it. */
export function parseOutletsYaml(text: string, file: string): OutletAlias[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const lineOf = (node: unknown): number => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? lines.linePos(range[0]).line : 1;
  };
  const fail = (node: unknown, what: string): never => {
    throw new UsageError(`${file}:${lineOf(node)}: ${what}`);
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new UsageError(`${file}:${e.linePos?.[0]?.line ?? 1}: YAML syntax error: ${e.message.split('\n')[0]}`);
  }
  const root = doc.contents;
  if (!isMap(root)) return fail(root, 'expected a mapping with an `outlets:` list');
  const list = root.get('outlets', true);
  if (!isSeq(list)) return fail(list ?? root, 'expected `outlets:` to be a list of entries');
  const seen = new Map<string, string>();
  const out: OutletAlias[] = [];
  for (const item of list.items) {
    if (!isMap(item)) fail(item, 'each outlet must be a mapping with at least `name:`');
    const entry = item as unknown as { get(k: string, keep: true): YamlNode | undefined };
    const name = scalarString(entry.get('name', true));
    if (!name) fail(item, 'outlet entry has no `name:` — give the canonical outlet name');
    const aliases = stringList(entry.get('aliases', true), 'aliases', fail);
    const domains = stringList(entry.get('domains', true), 'domains', fail).map((d) => d.toLowerCase());
    const byLangNode = entry.get('by_lang', true);
    const byLang: Record<Lang, string> = {};
    if (byLangNode !== undefined) {
      if (!isMap(byLangNode)) fail(byLangNode, `outlet ${name}: \`by_lang\` must map a language code to a name`);
      for (const pair of (byLangNode as unknown as { items: { key: unknown; value: unknown }[] }).items) {
        const k = scalarString(pair.key as YamlNode);
        const v = scalarString(pair.value as YamlNode);
        if (!k || !v || !/^[a-z]{2,3}$/.test(k)) fail(pair.key ?? byLangNode, `outlet ${name}: \`by_lang\` entries are \`<lang code>: <outlet name>\``);
        byLang[k!] = v!;
      }
    }
    for (const key of [name!, ...aliases, ...domains].map(aliasKey)) {
      const other = seen.get(key);
      if (other !== undefined && other !== name) fail(item, `outlet ${name}: alias "${key}" is also used by ${other} — keep it in one entry`);
      seen.set(key, name!);
    }
    out.push({ name: name!, aliases, domains, byLang });
  }
  return out;
}

function scalarString(node: YamlNode | undefined | null): string | undefined {
  if (!node || !isScalar(node)) return undefined;
  const v = node.value;
  return typeof v === 'string' || typeof v === 'number' ? String(v).trim() || undefined : undefined;
}

function stringList(node: YamlNode | undefined, key: string, fail: (n: unknown, w: string) => never): string[] {
  if (node === undefined) return [];
  if (isScalar(node)) return [scalarString(node)].filter((s): s is string => !!s);
  if (!isSeq(node)) return fail(node, `\`${key}\` must be a string or a list of strings`);
  return node.items.map((i) => scalarString(i as YamlNode) ?? fail(i, `\`${key}\` items must be non-empty strings`));
}

/** Comparison key for names: lower case, folded spaces, no surrounding punctuation. */
export function aliasKey(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').replace(/^[\s"'“”«».,:;|-]+|[\s"'“”«».,:;|-]+$/g, '');
}

/** Name/alias key → entry, built once per outlet list (lookups run for every page line). */
const INDEX = new WeakMap<readonly OutletAlias[], Map<string, OutletAlias>>();

function aliasIndex(outlets: readonly OutletAlias[]): Map<string, OutletAlias> {
  let index = INDEX.get(outlets);
  if (!index) {
    index = new Map();
    for (const o of outlets) for (const name of [o.name, ...o.aliases]) if (!index.has(aliasKey(name))) index.set(aliasKey(name), o);
    INDEX.set(outlets, index);
  }
  return index;
}

/** The alias entry that a name, alias or URL/domain refers to, if any. */
export function findOutlet(hint: string, outlets: readonly OutletAlias[]): OutletAlias | undefined {
  const key = aliasKey(hint);
  if (key === '') return undefined;
  const byName = aliasIndex(outlets).get(key);
  if (byName) return byName;
  const host = hostOf(hint);
  return host ? findByHost(host, outlets) : undefined;
}

/** Most specific domain match: `arabic.rt.com` beats `rt.com`. */
function findByHost(host: string, outlets: readonly OutletAlias[]): OutletAlias | undefined {
  let best: OutletAlias | undefined;
  let bestLen = 0;
  for (const o of outlets) {
    for (const d of o.domains) {
      if ((host === d || host.endsWith(`.${d}`)) && d.length > bestLen) [best, bestLen] = [o, d.length];
    }
  }
  return best;
}

/** Host of a URL or bare domain (`www.` dropped), undefined for anything else. */
export function hostOf(s: string): string | undefined {
  const m = /^(?:https?:\/\/)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::\d+)?(?:[/?#]|$)/i.exec(s.trim());
  return m?.[1]?.toLowerCase();
}

/**
 * Canonical outlet for a hint and the article's language: an alias entry's name (or its
 * `by_lang` name); a hint not in the file is kept as written; no hint at all is `unknown`.
 */
export function canonicalOutlet(hint: string | undefined, lang: Lang, outlets: readonly OutletAlias[]): string {
  if (!hint || aliasKey(hint) === '') return 'unknown';
  const entry = findOutlet(hint, outlets);
  if (!entry) return hostOf(hint) ?? hint.trim();
  return entry.byLang[lang] ?? entry.name;
}
