import type { RetrievalMode, Retriever } from "./hybrid-index.js";

/** Narrow a search to some sources, source kinds or languages. */
export interface KnowledgeFilters {
  sourceIds?: string[];
  kinds?: string[];
  languages?: string[];
}

export interface IndexedChunk {
  id: string;
  namespace: string;
  sourceId: string;
  sourceKind: string;
  language: string | null;
  title: string;
  text: string;
  url: string | null;
  vector: Float32Array;
}

export interface ChunkHit {
  chunkId: string;
  sourceId: string;
  score: number;
  retriever: Retriever;
}

export interface IndexQuery {
  text: string;
  vector: Float32Array;
  mode: RetrievalMode;
  limit: number;
  filters?: KnowledgeFilters;
}

/**
 * The retrieval port. The database always holds the chunks (text, title, source); an index
 * adapter keeps whatever it needs to rank them: the embedded one reads them back from the
 * database, a hosted one (Upstash Vector) receives them on upsert.
 */
export interface KnowledgeIndex {
  readonly name: string;
  upsert(orgId: string, chunks: IndexedChunk[]): Promise<void>;
  remove(orgId: string, namespace: string, chunkIds: string[]): Promise<void>;
  query(orgId: string, namespaces: string[], query: IndexQuery): Promise<ChunkHit[]>;
}
