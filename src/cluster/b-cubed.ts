/**
 * B-cubed precision, recall and F1 (Bagga & Baldwin 1998, "Algorithms for scoring coreference
 * chains", LREC workshop; per-item form as in Amigó et al. 2009, "A comparison of extrinsic
 * clustering evaluation metrics"). For each item: precision = |same predicted ∩ same gold| /
 * |same predicted|, recall = |same predicted ∩ same gold| / |same gold|; both averaged over items,
 * F1 their harmonic mean.
 */

export interface BCubed {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Score `predicted` against `gold` (item id → cluster label). Both must label the same items.
 * @throws Error when an item is missing from one side.
 */
export function scoreBCubed(predicted: ReadonlyMap<string, string>, gold: ReadonlyMap<string, string>): BCubed {
  if (predicted.size !== gold.size || [...gold.keys()].some((id) => !predicted.has(id))) {
    throw new Error('scoreBCubed: predicted and gold must label the same items');
  }
  if (gold.size === 0) return { precision: 0, recall: 0, f1: 0 };
  // Counts of (predicted, gold) label pairs give every item's overlap in O(n).
  const pairCounts = new Map<string, number>();
  const predictedSizes = new Map<string, number>();
  const goldSizes = new Map<string, number>();
  for (const [id, g] of gold) {
    const p = predicted.get(id) ?? '';
    const key = JSON.stringify([p, g]);
    pairCounts.set(key, (pairCounts.get(key) ?? 0) + 1);
    predictedSizes.set(p, (predictedSizes.get(p) ?? 0) + 1);
    goldSizes.set(g, (goldSizes.get(g) ?? 0) + 1);
  }
  let precision = 0;
  let recall = 0;
  for (const [id, g] of gold) {
    const p = predicted.get(id) ?? '';
    const overlap = pairCounts.get(JSON.stringify([p, g])) ?? 0;
    precision += overlap / (predictedSizes.get(p) ?? 1);
    recall += overlap / (goldSizes.get(g) ?? 1);
  }
  precision /= gold.size;
  recall /= gold.size;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
