export interface ScoredDoc {
  doc: number;
  score: number;
}

const better = (x: ScoredDoc, y: ScoredDoc) => x.score > y.score || (x.score === y.score && x.doc < y.doc);

/**
 * The best `limit` hits, best first; ties break on position so rankings are reproducible. A
 * bounded insertion keeps it linear in the number of hits when the limit is small.
 */
export function topK(hits: ScoredDoc[], limit: number): ScoredDoc[] {
  if (hits.length <= limit * 4) return hits.sort((x, y) => y.score - x.score || x.doc - y.doc).slice(0, limit);
  const best: ScoredDoc[] = [];
  for (const hit of hits) {
    if (best.length === limit && !better(hit, best[limit - 1] as ScoredDoc)) continue;
    let i = best.length === limit ? limit - 1 : best.length;
    while (i > 0 && better(hit, best[i - 1] as ScoredDoc)) {
      best[i] = best[i - 1] as ScoredDoc;
      i--;
    }
    best[i] = hit;
  }
  return best;
}

/**
 * The same selection straight from a score array, without an object per candidate: a bounded
 * heap whose root is the worst of the best so far (lowest score, then highest position). At 100k
 * documents this is what keeps a query from allocating 100k hits to keep ten.
 */
export class TopKHeap {
  private readonly docs: Int32Array;
  private readonly scores: Float64Array;
  private size = 0;

  constructor(private readonly limit: number) {
    this.docs = new Int32Array(limit);
    this.scores = new Float64Array(limit);
  }

  private worse(i: number, j: number): boolean {
    const si = this.scores[i] as number;
    const sj = this.scores[j] as number;
    return si < sj || (si === sj && (this.docs[i] as number) > (this.docs[j] as number));
  }

  push(doc: number, score: number): void {
    if (this.limit === 0) return;
    if (this.size < this.limit) {
      let i = this.size++;
      this.docs[i] = doc;
      this.scores[i] = score;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.worse(i, parent)) break;
        this.swap(i, parent);
        i = parent;
      }
      return;
    }
    const rootScore = this.scores[0] as number;
    if (score < rootScore || (score === rootScore && doc > (this.docs[0] as number))) return;
    this.docs[0] = doc;
    this.scores[0] = score;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < this.size && this.worse(left, worst)) worst = left;
      if (right < this.size && this.worse(right, worst)) worst = right;
      if (worst === i) break;
      this.swap(i, worst);
      i = worst;
    }
  }

  private swap(i: number, j: number): void {
    const doc = this.docs[i] as number;
    const score = this.scores[i] as number;
    this.docs[i] = this.docs[j] as number;
    this.scores[i] = this.scores[j] as number;
    this.docs[j] = doc;
    this.scores[j] = score;
  }

  /** The hits, best first. */
  sorted(): ScoredDoc[] {
    const hits: ScoredDoc[] = [];
    for (let i = 0; i < this.size; i++) hits.push({ doc: this.docs[i] as number, score: this.scores[i] as number });
    return hits.sort((x, y) => y.score - x.score || x.doc - y.doc);
  }
}
