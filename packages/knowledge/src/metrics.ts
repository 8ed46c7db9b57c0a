/** Standard IR metrics (trec_eval definitions) over binary or graded relevance judgements. */
export type Qrels = Map<string, Map<string, number>>;
export type Run = Map<string, string[]>;

export interface RetrievalMetrics {
  ndcg10: number;
  recall10: number;
  recall100: number;
  mrr10: number;
  map: number;
  p1: number;
}

function ndcgAt(ranking: string[], judged: Map<string, number>, k: number): number {
  let dcg = 0;
  ranking.slice(0, k).forEach((id, i) => {
    const gain = judged.get(id) ?? 0;
    if (gain > 0) dcg += (2 ** gain - 1) / Math.log2(i + 2);
  });
  const ideal = [...judged.values()].filter((g) => g > 0).sort((a, b) => b - a);
  let idcg = 0;
  ideal.slice(0, k).forEach((gain, i) => {
    idcg += (2 ** gain - 1) / Math.log2(i + 2);
  });
  return idcg > 0 ? dcg / idcg : 0;
}

function relevantCount(judged: Map<string, number>): number {
  let n = 0;
  for (const g of judged.values()) if (g > 0) n++;
  return n;
}

function recallAt(ranking: string[], judged: Map<string, number>, k: number): number {
  const total = relevantCount(judged);
  if (total === 0) return 0;
  return ranking.slice(0, k).filter((id) => (judged.get(id) ?? 0) > 0).length / total;
}

function reciprocalRankAt(ranking: string[], judged: Map<string, number>, k: number): number {
  const index = ranking.slice(0, k).findIndex((id) => (judged.get(id) ?? 0) > 0);
  return index < 0 ? 0 : 1 / (index + 1);
}

function averagePrecision(ranking: string[], judged: Map<string, number>): number {
  const total = relevantCount(judged);
  if (total === 0) return 0;
  let hits = 0;
  let sum = 0;
  ranking.forEach((id, i) => {
    if ((judged.get(id) ?? 0) > 0) {
      hits++;
      sum += hits / (i + 1);
    }
  });
  return sum / total;
}

/** Means over every judged query; a query with no ranking counts as zero, as in trec_eval -c. */
export function evaluateRun(qrels: Qrels, run: Run): RetrievalMetrics {
  const totals = { ndcg10: 0, recall10: 0, recall100: 0, mrr10: 0, map: 0, p1: 0 };
  for (const [query, judged] of qrels) {
    const ranking = run.get(query) ?? [];
    totals.ndcg10 += ndcgAt(ranking, judged, 10);
    totals.recall10 += recallAt(ranking, judged, 10);
    totals.recall100 += recallAt(ranking, judged, 100);
    totals.mrr10 += reciprocalRankAt(ranking, judged, 10);
    totals.map += averagePrecision(ranking.slice(0, 100), judged);
    totals.p1 += reciprocalRankAt(ranking, judged, 1);
  }
  const n = Math.max(1, qrels.size);
  return {
    ndcg10: totals.ndcg10 / n,
    recall10: totals.recall10 / n,
    recall100: totals.recall100 / n,
    mrr10: totals.mrr10 / n,
    map: totals.map / n,
    p1: totals.p1 / n,
  };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] as number;
}
