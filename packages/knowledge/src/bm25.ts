import { type AnalyzerOptions, analyze, DEFAULT_ANALYZER } from "./text.js";
import { type ScoredDoc, TopKHeap } from "./top-k.js";

export { type ScoredDoc, topK } from "./top-k.js";

export interface Bm25Options {
  k1: number;
  b: number;
  /** How many times a title token counts against a body token (BM25F-style field weighting). */
  titleWeight: number;
  analyzer: AnalyzerOptions;
}

export const DEFAULT_BM25: Bm25Options = { k1: 1.2, b: 0.75, titleWeight: 2, analyzer: DEFAULT_ANALYZER };

/** Postings of every term in three flat arrays (CSR): term t owns [offsets[t], offsets[t + 1]). */
interface Postings {
  offsets: Int32Array;
  docs: Int32Array;
  tfs: Float64Array;
  /** Each posting's BM25 contribution, precomputed: a query only adds them up. */
  impacts: Float64Array;
}

const grow = <T extends Int32Array | Float64Array>(array: T, needed: number): T => {
  if (needed <= array.length) return array;
  const bigger = new (array.constructor as new (n: number) => T)(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
};

/**
 * An in-process inverted index. Documents are addressed by their insertion position; the owner
 * maps positions back to chunk ids. Term frequencies from title and body are merged with the
 * title weight, so one length normalisation covers both fields.
 *
 * Postings live in typed arrays, not an object per term (ADR 0153): added documents wait in a
 * flat pending list and are merged into the term-ordered arrays by the first search after them,
 * which also precomputes every posting's score contribution for the current statistics.
 */
export class Bm25Index {
  private readonly termIds = new Map<string, number>();
  private lengths = new Float64Array(64);
  private count = 0;
  private totalLength = 0;
  private pendingDocs = new Int32Array(1024);
  private pendingTerms = new Int32Array(1024);
  private pendingTfs = new Float64Array(1024);
  private pending = 0;
  private postings: Postings = {
    offsets: new Int32Array(1),
    docs: new Int32Array(0),
    tfs: new Float64Array(0),
    impacts: new Float64Array(0),
  };
  private scratch = new Float64Array(0);
  private touched = new Int32Array(0);

  constructor(readonly options: Bm25Options = DEFAULT_BM25) {}

  get size(): number {
    return this.count;
  }

  add(title: string, text: string): number {
    const doc = this.count;
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
    const end = this.pending + tf.size;
    this.pendingDocs = grow(this.pendingDocs, end);
    this.pendingTerms = grow(this.pendingTerms, end);
    this.pendingTfs = grow(this.pendingTfs, end);
    for (const [term, count] of tf) {
      let id = this.termIds.get(term);
      if (id === undefined) {
        id = this.termIds.size;
        this.termIds.set(term, id);
      }
      this.pendingDocs[this.pending] = doc;
      this.pendingTerms[this.pending] = id;
      this.pendingTfs[this.pending] = count;
      this.pending++;
    }
    this.lengths = grow(this.lengths, doc + 1);
    this.lengths[doc] = length;
    this.totalLength += length;
    return this.count++;
  }

  private df(id: number | undefined): number {
    if (id === undefined) return 0;
    const { offsets } = this.sealed();
    return (offsets[id + 1] as number) - (offsets[id] as number);
  }

  /** Lucene's non-negative IDF; unknown terms get the IDF of a term seen once. */
  idf(term: string): number {
    return this.idfOf(this.df(this.termIds.get(term)) || 1);
  }

  private idfOf(df: number): number {
    const n = this.count;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  has(term: string): boolean {
    return this.termIds.has(term);
  }

  terms(query: string): string[] {
    return [...new Set(analyze(query, this.options.analyzer))];
  }

  search(query: string, limit: number, accept?: (doc: number) => boolean): ScoredDoc[] {
    const { offsets, docs, impacts } = this.sealed();
    // A dense accumulator reused across queries: common terms touch most documents.
    const scores = this.scratch;
    const touched = this.touched;
    let touchedCount = 0;
    for (const term of this.terms(query)) {
      const id = this.termIds.get(term);
      if (id === undefined) continue;
      const end = offsets[id + 1] as number;
      for (let i = offsets[id] as number; i < end; i++) {
        const doc = docs[i] as number;
        if (scores[doc] === 0) touched[touchedCount++] = doc;
        scores[doc] = (scores[doc] as number) + (impacts[i] as number);
      }
    }
    const heap = new TopKHeap(limit);
    for (let i = 0; i < touchedCount; i++) {
      const doc = touched[i] as number;
      if (!accept || accept(doc)) heap.push(doc, scores[doc] as number);
      scores[doc] = 0;
    }
    return heap.sorted();
  }

  /** Merges the pending documents into the postings and recomputes the contributions. */
  private sealed(): Postings {
    if (this.pending === 0 && this.scratch.length === this.count) return this.postings;
    const old = this.postings;
    const terms = this.termIds.size;
    const counts = new Int32Array(terms + 1);
    for (let t = 0; t < old.offsets.length - 1; t++)
      counts[t] = (old.offsets[t + 1] as number) - (old.offsets[t] as number);
    for (let i = 0; i < this.pending; i++) {
      const t = this.pendingTerms[i] as number;
      counts[t] = (counts[t] as number) + 1;
    }
    const offsets = new Int32Array(terms + 1);
    for (let t = 0; t < terms; t++) offsets[t + 1] = (offsets[t] as number) + (counts[t] as number);
    const total = offsets[terms] as number;
    const docs = new Int32Array(total);
    const tfs = new Float64Array(total);
    const fill = Int32Array.from(offsets.subarray(0, terms));
    // Old postings first: every pending document comes after them, so each term stays in doc order.
    for (let t = 0; t < old.offsets.length - 1; t++) {
      const from = old.offsets[t] as number;
      const to = old.offsets[t + 1] as number;
      docs.set(old.docs.subarray(from, to), fill[t]);
      tfs.set(old.tfs.subarray(from, to), fill[t]);
      fill[t] = (fill[t] as number) + (to - from);
    }
    for (let i = 0; i < this.pending; i++) {
      const t = this.pendingTerms[i] as number;
      const at = fill[t] as number;
      docs[at] = this.pendingDocs[i] as number;
      tfs[at] = this.pendingTfs[i] as number;
      fill[t] = at + 1;
    }
    this.pending = 0;
    this.pendingDocs = new Int32Array(1024);
    this.pendingTerms = new Int32Array(1024);
    this.pendingTfs = new Float64Array(1024);
    this.postings = { offsets, docs, tfs, impacts: this.impacts(offsets, docs, tfs) };
    this.scratch = new Float64Array(this.count);
    this.touched = new Int32Array(this.count);
    return this.postings;
  }

  private impacts(offsets: Int32Array, docs: Int32Array, tfs: Float64Array): Float64Array {
    const { k1, b } = this.options;
    const avg = this.totalLength / Math.max(1, this.count);
    const norms = new Float64Array(this.count);
    for (let doc = 0; doc < this.count; doc++) norms[doc] = k1 * (1 - b + (b * (this.lengths[doc] as number)) / avg);
    const impacts = new Float64Array(docs.length);
    for (let t = 0; t < offsets.length - 1; t++) {
      const from = offsets[t] as number;
      const to = offsets[t + 1] as number;
      const idf = this.idfOf(to - from);
      for (let i = from; i < to; i++) {
        const tf = tfs[i] as number;
        impacts[i] = (idf * tf * (k1 + 1)) / (tf + (norms[docs[i] as number] as number));
      }
    }
    return impacts;
  }
}
