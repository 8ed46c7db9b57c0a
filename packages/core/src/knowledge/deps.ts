import type { Db } from "@support/db";
import { type Embedder, HashedNgramEmbedder, type KnowledgeIndex, UpstashKnowledgeIndex } from "@support/knowledge";
import { EmbeddedKnowledgeIndex } from "./embedded-index.js";

/** What the knowledge services need: the database, an embedder and a retrieval index. */
export interface KnowledgeDeps {
  db: Db;
  embedder: Embedder;
  index: KnowledgeIndex;
}

/** The embedded default: local hashed n-gram embeddings and the in-database hybrid index. */
export function embeddedKnowledge(db: Db): KnowledgeDeps {
  return { db, embedder: new HashedNgramEmbedder(), index: new EmbeddedKnowledgeIndex(db) };
}

/** Upstash Vector's settings, as the product's configuration validated them (UPSTASH_VECTOR_*). */
export interface VectorSettings {
  url: string;
  token: string;
  fusion: "RRF" | "DBSF";
  hostedEmbeddings: boolean;
}

/** Upstash Vector when configured, otherwise the embedded index; the embedder is local either way. */
export function knowledgeFor(config: { vectors?: VectorSettings }, db: Db): KnowledgeDeps {
  if (!config.vectors) return embeddedKnowledge(db);
  return { db, embedder: new HashedNgramEmbedder(), index: new UpstashKnowledgeIndex(config.vectors) };
}
