import type { KnowledgeFilters, RetrievalMode, Retriever } from "@support/knowledge";
import type { RelevanceEvidence } from "./relevance.js";

export type { SourceKind, SourceStatus } from "@support/contract";

/** The organization-wide namespace every app also searches. */
export const SHARED_NAMESPACE = "shared";

export type {
  ChunkHit,
  IndexedChunk,
  IndexQuery,
  KnowledgeDocument,
  KnowledgeFilters,
  KnowledgeIndex,
} from "@support/knowledge";

export interface Passage {
  id: string;
  sourceId: string;
  title: string;
  url: string | null;
  text: string;
  score: number;
  retriever: Retriever;
  /** Learned conversations reach drafters as evidence only (ADR 0090). */
  sourceKind?: string;
}

export interface SearchInput {
  orgId: string;
  /** The app whose namespace is searched, together with the shared one. */
  appId: string;
  query: string;
  k: number;
  filters?: KnowledgeFilters;
  mode?: RetrievalMode;
}

export interface SearchResult {
  passages: Passage[];
  /** False when no passage reaches the language's relevance thresholds (see `relevance.ts`). */
  relevant: boolean;
  /** What the verdict was decided on. */
  relevance?: RelevanceEvidence;
}
