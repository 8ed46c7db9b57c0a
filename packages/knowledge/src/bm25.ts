import { type AnalyzerOptions, analyze, DEFAULT_ANALYZER } from "./text.js";

export interface Bm25Options {
  k1: number;
  b: number;
  /** How many times a title token counts against a body token (BM25F-style field weighting). */
  titleWeight: number;
  analyzer: AnalyzerOptions;
}

export const DEFAULT_BM25: Bm25Options = { k1: 1.2, b: 0.75, titleWeight: 2, analyzer: DEFAULT_ANALYZER };

export interface ScoredDoc {
  doc: number;
  score: number;
}

/**
 * An in-process inverted index. Documents are addressed by their insertion position; the owner
 * maps positions back to chunk ids. Term frequencies from title and body are merged with the
 * title weight, so one length normalisation covers both fields.
 */
export class Bm25Index {
  private readonly postings = new Map<string, { docs: number[]; tfs: number[] }>();
  private readonly lengths: number[] = [];
  private totalLength = 0;

  constructor(readonly options: Bm25Options = DEFAULT_BM25) {}

  get size(): number {
    return this.lengths.length;
  }

  add(title: string, text: string): number {
    const doc = this.lengths.length;
    const tf = new Map<string, number>();
    let length = 0;
    for (const term of analyze(title, this.options.analyzer)) {
      tf.set(term, (tf.get(term) ?? 0) + this.options.titleWeight);
      length += this.options.titleWeight;
    }
    for (const term of analyze(text, this.options.analyzer)) {
      tf.set(term, (tf.get(term) ?? 0) + 1);
      length += 1;
    }
    for (const [term, count] of tf) {
      let list = this.postings.get(term);
      if (!list) {
        list = { docs: [], tfs: [] };
        this.postings.set(term, list);
      }
      list.docs.push(doc);
      list.tfs.push(count);
    }
    this.lengths.push(length);
    this.totalLength += length;
    return doc;
  }

  /** Lucene's non-negative IDF; unknown terms get the IDF of a term seen once. */
  idf(term: string): number {
    const n = this.lengths.length;
    const df = this.postings.get(term)?.docs.length ?? 1;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  has(term: string): boolean {
    return this.postings.has(term);
  }

  terms(query: string): string[] {
    return [...new Set(analyze(query, this.options.analyzer))];
  }

  search(query: string, limit: number, accept?: (doc: number) => boolean): ScoredDoc[] {
    const { k1, b } = this.options;
    const avg = this.totalLength / Math.max(1, this.lengths.length);
    // A dense accumulator: common terms touch most documents, and a Map per hit is slow at 100k.
    const scores = new Float64Array(this.lengths.length);
    const touched: number[] = [];
    for (const term of this.terms(query)) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = this.idf(term);
      for (let i = 0; i < list.docs.length; i++) {
        const doc = list.docs[i] as number;
        const tf = list.tfs[i] as number;
        const norm = k1 * (1 - b + (b * (this.lengths[doc] as number)) / avg);
        if (scores[doc] === 0) touched.push(doc);
        scores[doc] = (scores[doc] as number) + (idf * tf * (k1 + 1)) / (tf + norm);
      }
    }
    const hits: ScoredDoc[] = [];
    for (const doc of touched) if (!accept || accept(doc)) hits.push({ doc, score: scores[doc] as number });
    return topK(hits, limit);
  }
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
