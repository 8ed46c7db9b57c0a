import type { Database, SecretBox } from "@support/db";
import type { RetrievedPassage } from "../pipeline/drafter.js";
import type { LanguageModel } from "../pipeline/model-port.js";
import type { ReplyAdapterRegistry } from "../replies/registry.js";
import type { Tracer } from "../tracing.js";

/** The knowledge issue's retrieval port: passages for a question, and whether any is relevant. */
export type Retrieve = (input: {
  orgId: string;
  appId: string;
  query: string;
  k: number;
}) => Promise<{ passages: RetrievedPassage[]; relevant: boolean }>;

/** Everything the pipeline's services need; the workflow steps, the API and the CLI pass it in. */
export interface PipelineDeps {
  database: Database;
  secrets: SecretBox;
  model: LanguageModel;
  retrieve: Retrieve;
  replies: ReplyAdapterRegistry;
  /** Langfuse when configured; absent means no tracing. */
  tracer?: Tracer;
}
