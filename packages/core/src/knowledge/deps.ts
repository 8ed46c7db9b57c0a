import type { Db } from "@support/db";
import { type Embedder, HashedNgramEmbedder } from "@support/knowledge";
import { EmbeddedKnowledgeIndex, type KnowledgeIndex } from "./index-port.js";

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
