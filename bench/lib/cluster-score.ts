/**
 * Score benchmark clusters against the generator's true events (`.bench-events.csv`,
 * `story_id,event`) with B-cubed, as a sanity check that a faster clustering still finds events.
 */
import { scoreBCubed } from '../../src/cluster/b-cubed.js';
import type { BCubed } from '../../src/cluster/b-cubed.js';
import type { EventCluster } from '../../src/types.js';

/** Story id → event of a `story_id,event` CSV (the generator writes plain ids: no quoting). */
export function parseStoryEvents(csv: string): Map<string, string> {
  const events = new Map<string, string>();
  const lines = csv.split('\n');
  if (lines[0]?.trim() !== 'story_id,event') throw new Error(`events file: expected the header "story_id,event", got "${lines[0] ?? ''}"`);
  for (const [index, line] of lines.slice(1).entries()) {
    if (line.trim() === '') continue;
    const comma = line.indexOf(',');
    if (comma <= 0 || comma === line.length - 1) throw new Error(`events file line ${index + 2}: expected "story_id,event", got "${line}"`);
    events.set(line.slice(0, comma), line.slice(comma + 1).trim());
  }
  return events;
}

/**
 * The story an article id belongs to, as ids are made (CONTRACT.md "Units and ids"): a version
 * table's `<stem>@v<N>` is version N of story `<stem>`; pages and records keep their own id.
 */
export function storyIdOf(articleId: string): string {
  return articleId.replace(/@v\d+$/, '');
}

export interface EventScore extends BCubed {
  /** Articles scored (their story is in the events file). */
  scored: number;
  /** Clustered articles whose story the events file does not name (left out of the score). */
  unmatched: number;
}

/** B-cubed of `clusters` against `events` (story id → event), over the articles the events file names. */
export function scoreAgainstEvents(clusters: readonly EventCluster[], events: ReadonlyMap<string, string>): EventScore {
  const predicted = new Map<string, string>();
  const gold = new Map<string, string>();
  let unmatched = 0;
  for (const cluster of clusters) {
    for (const id of cluster.members) {
      const event = events.get(storyIdOf(id));
      if (event === undefined) {
        unmatched += 1;
        continue;
      }
      predicted.set(id, cluster.id);
      gold.set(id, event);
    }
  }
  return { ...scoreBCubed(predicted, gold), scored: gold.size, unmatched };
}
