import { Bm25Index, type Bm25Options, DEFAULT_BM25 } from "./bm25.js";
import type { QuantizedVector } from "./embedder.js";
import { DEFAULT_FUSION, type FusionOptions, reciprocalRankFusion } from "./fusion.js";
import { type ScoredDoc, TopKHeap } from "./top-k.js";

export const RETRIEVAL_MODES = ["bm25", "dense", "hybrid"] as const;
export type RetrievalMode = (typeof RETRIEVAL_MODES)[number];
export type Retriever = "bm25" | "dense" | "hybrid";

export interface IndexHit {
  doc: number;
  score: number;
  retriever: Retriever;
}

export interface HybridIndexOptions {
  bm25: Bm25Options;
  fusion: FusionOptions;
  /** How deep each half is read before fusion. */
  candidates: number;
}

export const DEFAULT_HYBRID: HybridIndexOptions = { bm25: DEFAULT_BM25, fusion: DEFAULT_FUSION, candidates: 100 };

/**
 * BM25 and dense cosine over the same documents, fused with RRF. It only knows positions;
 * ids, namespaces and metadata live with whoever fills it (the embedded store, the evaluator).
 */
export class HybridIndex {
  readonly bm25: Bm25Index;
  // The int8 vectors stored by dimension (column d of document n at d * capacity + n), one scale
  // per document: a query walks only the dimensions it has, each one contiguous (ADR 0153).
  private columns = new Int8Array(0);
  private scales = new Float32Array(0);
  private capacity = 0;
  private dims = 0;
  private count = 0;
  private scratch = new Float64Array(0);

  constructor(readonly options: HybridIndexOptions = DEFAULT_HYBRID) {
    this.bm25 = new Bm25Index(options.bm25);
  }

  get size(): number {
    return this.count;
  }

  add(title: string, text: string, vector: QuantizedVector): number {
    if (this.count === 0) this.dims = vector.values.length;
    if (vector.values.length !== this.dims) throw new Error("all vectors of an index must have the same dimensions");
    if (this.count === this.capacity) this.grow(Math.max(64, this.capacity * 2));
    const { columns, capacity, count } = this;
    for (let d = 0; d < this.dims; d++) columns[d * capacity + count] = vector.values[d] as number;
    this.scales[count] = vector.scale;
    this.bm25.add(title, text);
    return this.count++;
  }

  private grow(capacity: number): void {
    const columns = new Int8Array(capacity * this.dims);
    for (let d = 0; d < this.dims; d++) {
      columns.set(this.columns.subarray(d * this.capacity, d * this.capacity + this.count), d * capacity);
    }
    const scales = new Float32Array(capacity);
    scales.set(this.scales);
    this.columns = columns;
    this.scales = scales;
    this.capacity = capacity;
  }

  /**
   * Exact int8 dot products, summed dimension by dimension in ascending order: the same sums as a
   * document-by-document loop (a zero query dimension adds nothing), at the cost of the query's
   * non-zero dimensions only.
   */
  dense(queryVector: Float32Array, limit: number, accept?: (doc: number) => boolean): ScoredDoc[] {
    const { dims, columns, capacity, count } = this;
    if (queryVector.length !== dims) return [];
    if (this.scratch.length < count) this.scratch = new Float64Array(this.capacity);
    const dots = this.scratch.fill(0, 0, count);
    for (let d = 0; d < dims; d++) {
      const q = queryVector[d] as number;
      if (q === 0) continue;
      const base = d * capacity;
      for (let doc = 0; doc < count; doc++) dots[doc] = (dots[doc] as number) + (columns[base + doc] as number) * q;
    }
    const heap = new TopKHeap(limit);
    for (let doc = 0; doc < count; doc++) {
      const dot = dots[doc] as number;
      if (dot > 0 && (!accept || accept(doc))) heap.push(doc, dot * (this.scales[doc] as number));
    }
    return heap.sorted();
  }
  search(
    query: { text: string; vector: Float32Array },
    mode: RetrievalMode,
    limit: number,
    accept?: (doc: number) => boolean,
  ): IndexHit[] {
    if (mode === "bm25") return this.bm25.search(query.text, limit, accept).map((h) => ({ ...h, retriever: "bm25" }));
    if (mode === "dense") return this.dense(query.vector, limit, accept).map((h) => ({ ...h, retriever: "dense" }));
    const depth = Math.max(limit, this.options.candidates);
    const fused = reciprocalRankFusion(
      [
        { name: "bm25", docs: this.bm25.search(query.text, depth, accept).map((h) => h.doc) },
        { name: "dense", docs: this.dense(query.vector, depth, accept).map((h) => h.doc) },
      ],
      this.options.fusion,
    );
    return fused.slice(0, limit).map((h) => ({
      doc: h.doc,
      score: h.score,
      retriever: h.foundBy.size === 2 ? "hybrid" : h.foundBy.has("bm25") ? "bm25" : "dense",
    }));
  }
}
