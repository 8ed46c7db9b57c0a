import type { Database, SecretBox } from "@support/db";
import type { LanguageModel, RetrievedPassage } from "@support/decisions";
import type { StripeAdapter } from "@support/payments";
import type { ReplyAdapterRegistry } from "../replies/registry.js";
import type { Tracer } from "../tracing.js";

/** The knowledge issue's retrieval port: passages for a question, and whether any is relevant. */
export type Retrieve = (input: {
  orgId: string;
  appId: string;
  query: string;
  k: number;
}) => Promise<{ passages: RetrievedPassage[]; relevant: boolean }>;

/** A canned response close enough to the message to be the draft itself (knowledge issue). */
export type FindCanned = (input: {
  orgId: string;
  appId: string;
  message: string;
}) => Promise<{ passage: RetrievedPassage; similarity: number } | undefined>;

/** Everything the pipeline's services need; the workflow steps, the API and the CLI pass it in. */
export interface PipelineDeps {
  database: Database;
  secrets: SecretBox;
  model: LanguageModel;
  retrieve: Retrieve;
  findCanned?: FindCanned;
  replies: ReplyAdapterRegistry;
  /** Langfuse when configured; absent means no tracing. */
  tracer?: Tracer;
  /** Stripe Connect when configured: charges are read while gathering, refunds run on approval. */
  stripe?: StripeAdapter;
  /** Per call to the product app while gathering (default 3 s). */
  gatherTimeoutMs?: number;
}
