import { Bm25Index, type Bm25Options, DEFAULT_BM25, type ScoredDoc, topK } from "./bm25.js";
import type { QuantizedVector } from "./embedder.js";
import { DEFAULT_FUSION, type FusionOptions, reciprocalRankFusion } from "./fusion.js";

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
  // All vectors in one int8 buffer (and one scale each): no object per chunk, and the dot
  // products walk contiguous memory.
  private values = new Int8Array(0);
  private scales = new Float32Array(0);
  private dims = 0;
  private count = 0;

  constructor(readonly options: HybridIndexOptions = DEFAULT_HYBRID) {
    this.bm25 = new Bm25Index(options.bm25);
  }

  get size(): number {
    return this.count;
  }

  add(title: string, text: string, vector: QuantizedVector): number {
    if (this.count === 0) this.dims = vector.values.length;
    if (vector.values.length !== this.dims) throw new Error("all vectors of an index must have the same dimensions");
    if ((this.count + 1) * this.dims > this.values.length) {
      const capacity = Math.max(64, this.count * 2);
      const values = new Int8Array(capacity * this.dims);
      values.set(this.values);
      const scales = new Float32Array(capacity);
      scales.set(this.scales);
      this.values = values;
      this.scales = scales;
    }
    this.values.set(vector.values, this.count * this.dims);
    this.scales[this.count] = vector.scale;
    this.bm25.add(title, text);
    return this.count++;
  }

  dense(queryVector: Float32Array, limit: number, accept?: (doc: number) => boolean): ScoredDoc[] {
    const hits: ScoredDoc[] = [];
    const { dims, values } = this;
    if (queryVector.length !== dims) return hits;
    for (let doc = 0, offset = 0; doc < this.count; doc++, offset += dims) {
      if (accept && !accept(doc)) continue;
      let dot = 0;
      for (let i = 0; i < dims; i++) dot += (values[offset + i] as number) * (queryVector[i] as number);
      if (dot > 0) hits.push({ doc, score: dot * (this.scales[doc] as number) });
    }
    return topK(hits, limit);
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
