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
  private readonly vectors: QuantizedVector[] = [];

  constructor(readonly options: HybridIndexOptions = DEFAULT_HYBRID) {
    this.bm25 = new Bm25Index(options.bm25);
  }

  get size(): number {
    return this.vectors.length;
  }

  add(title: string, text: string, vector: QuantizedVector): number {
    this.bm25.add(title, text);
    this.vectors.push(vector);
    return this.vectors.length - 1;
  }

  dense(queryVector: Float32Array, limit: number, accept?: (doc: number) => boolean): ScoredDoc[] {
    const hits: ScoredDoc[] = [];
    const dims = queryVector.length;
    for (let doc = 0; doc < this.vectors.length; doc++) {
      if (accept && !accept(doc)) continue;
      const { values, scale } = this.vectors[doc] as QuantizedVector;
      let dot = 0;
      for (let i = 0; i < dims; i++) dot += (values[i] as number) * (queryVector[i] as number);
      if (dot > 0) hits.push({ doc, score: dot * scale });
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
