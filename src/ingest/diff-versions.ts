/**
 * Paragraph changes between consecutive versions of a story: LCS over paragraphs (the classic
 * diff alignment, Hunt & McIlroy 1976); a removed paragraph and an added one at the same place
 * that are very similar (word Dice ≥ 0.5) are reported as one `changed` paragraph.
 */
import type { Article, Span, VersionChange } from '../types.js';

/** Word-set Dice coefficient at or above which a removed+added pair is an edit, not two changes. */
const CHANGED_SIMILARITY = 0.5;

interface Para {
  text: string;
  span: Span;
}

/** Changes between each pair of consecutive versions of every story with two or more versions. */
export function diffVersions(articles: readonly Article[]): VersionChange[] {
  const stories = new Map<string, Article[]>();
  for (const a of articles) {
    if (a.version === null) continue;
    const list = stories.get(a.storyId) ?? [];
    list.push(a);
    stories.set(a.storyId, list);
  }
  const out: VersionChange[] = [];
  for (const storyId of [...stories.keys()].sort()) {
    const versions = stories.get(storyId)!.sort((x, y) => (x.version ?? 0) - (y.version ?? 0));
    for (let i = 1; i < versions.length; i++) out.push(...diffPair(versions[i - 1]!, versions[i]!));
  }
  return out;
}

/** Paragraphs of a body with their offsets (split on the blank lines that join them). */
export function paragraphsOf(body: string): Para[] {
  const out: Para[] = [];
  let start = 0;
  for (const text of body.split('\n\n')) {
    if (text.trim() !== '') out.push({ text, span: { start, end: start + text.length } });
    start += text.length + 2;
  }
  return out;
}

function diffPair(from: Article, to: Article): VersionChange[] {
  const a = paragraphsOf(from.body);
  const b = paragraphsOf(to.body);
  const ops = lcsOps(a.map((p) => p.text), b.map((p) => p.text));
  const base = { storyId: from.storyId, fromId: from.id, toId: to.id, fromVersion: from.version ?? 0, toVersion: to.version ?? 0 };
  const changes: VersionChange[] = [];
  // Pair up runs of deletions and insertions between equal anchors.
  let dels: Para[] = [];
  let adds: Para[] = [];
  const flush = (): void => {
    const used = new Set<number>();
    for (const d of dels) {
      const k = adds.findIndex((p, j) => !used.has(j) && similarity(d.text, p.text) >= CHANGED_SIMILARITY);
      if (k >= 0) {
        used.add(k);
        changes.push({ ...base, change: 'changed', text: adds[k]!.text, fromSpan: d.span, toSpan: adds[k]!.span });
      } else changes.push({ ...base, change: 'removed', text: d.text, fromSpan: d.span, toSpan: null });
    }
    adds.forEach((p, j) => { if (!used.has(j)) changes.push({ ...base, change: 'added', text: p.text, fromSpan: null, toSpan: p.span }); });
    dels = [];
    adds = [];
  };
  for (const op of ops) {
    if (op.kind === 'equal') flush();
    else if (op.kind === 'del') dels.push(a[op.i]!);
    else adds.push(b[op.j]!);
  }
  flush();
  return changes;
}

type Op = { kind: 'equal'; i: number; j: number } | { kind: 'del'; i: number } | { kind: 'add'; j: number };

function lcsOps(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i]![j] = a[i] === b[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) ops.push({ kind: 'equal', i: i++, j: j++ });
    else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) ops.push({ kind: 'del', i: i++ });
    else ops.push({ kind: 'add', j: j++ });
  }
  while (i < n) ops.push({ kind: 'del', i: i++ });
  while (j < m) ops.push({ kind: 'add', j: j++ });
  return ops;
}

function similarity(x: string, y: string): number {
  const wx = new Set(x.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const wy = new Set(y.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  if (wx.size + wy.size === 0) return 1;
  let shared = 0;
  for (const w of wx) if (wy.has(w)) shared++;
  return (2 * shared) / (wx.size + wy.size);
}
