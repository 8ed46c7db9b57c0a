/** Reciprocal rank fusion (Cormack et al. 2009): rank-based, so unlike scores need no calibration. */
export interface FusionOptions {
  /** The RRF constant: larger flattens the advantage of the very top ranks. */
  k: number;
  weights: { bm25: number; dense: number };
}

/**
 * Tuned on the dev sets (ADR 0010): a small k trusts the top of each list, and the local dense
 * half, weaker than BM25 on paraphrased FAQ queries, gets a little less say.
 */
export const DEFAULT_FUSION: FusionOptions = { k: 20, weights: { bm25: 1, dense: 0.7 } };

export interface FusedHit {
  doc: number;
  score: number;
  /** Which of the ranked lists the document appeared in. */
  foundBy: Set<"bm25" | "dense">;
}

export function reciprocalRankFusion(
  lists: { name: "bm25" | "dense"; docs: number[] }[],
  options: FusionOptions = DEFAULT_FUSION,
): FusedHit[] {
  const fused = new Map<number, FusedHit>();
  for (const list of lists) {
    const weight = options.weights[list.name];
    list.docs.forEach((doc, rank) => {
      let hit = fused.get(doc);
      if (!hit) {
        hit = { doc, score: 0, foundBy: new Set() };
        fused.set(doc, hit);
      }
      hit.score += weight / (options.k + rank + 1);
      hit.foundBy.add(list.name);
    });
  }
  return [...fused.values()].sort((x, y) => y.score - x.score || x.doc - y.doc);
}
