import type { z } from "zod";
import type { Draft, RetrievedPassage } from "./drafting/drafter.js";
import type { ReplyReading } from "./procedures/interpret.js";
import type { InboundEnvelope } from "./triage/automated-messages.js";
import type { TriageCategory } from "./triage/categories.js";
import type { TriageResult } from "./triage/triage.js";

/**
 * The model gateway port. The pipeline asks for a triage and for a draft; adapters decide how
 * (offline rules and classifier, Claude, or a cascade of both). Every result says what it cost.
 */

export interface ModelTriageRequest {
  message: InboundEnvelope;
  categories: TriageCategory[];
  /** The app's language, used when the message's cannot be told. */
  defaultLanguage: string;
}

export interface ConversationTurn {
  from: "customer" | "agent";
  text: string;
}

export interface ModelDraftRequest {
  question: string;
  customerName: string | null;
  language: string;
  tone: string;
  /** Who the reply speaks as, e.g. "Acme's support team, warm and concise". */
  persona: string;
  signature: string;
  /** Retrieval's top passages, best first, each with its score: always given when retrieval ranked some. */
  passages: RetrievedPassage[];
  /** Retrieval's verdict on whether the passages are about the question; the model decides. */
  relevant?: boolean;
  conversation: ConversationTurn[];
  /** Facts about the customer from the product app (plan, purchases ...), as short lines. */
  customerContext: string[];
  /**
   * Actions the model may propose beside the reply (the app implements them and the gathered
   * context makes them possible). A model that can propose answers with `proposals`; one that
   * cannot ignores them and the offline rules propose instead.
   */
  actions?: ActionTool[];
}

/** A product-app action offered to the model as a tool: its contract name and zod input schema. */
export interface ActionTool {
  name: string;
  description: string;
  input: z.ZodType;
}

/** What the model asked for, unchecked: the pipeline validates it before anything is stored. */
export interface ModelActionProposal {
  action: string;
  input: unknown;
}

export interface ModelDraft extends Draft {
  /** Set by a model that was offered actions (possibly empty); absent when it cannot propose. */
  proposals?: ModelActionProposal[];
}

export interface ModelUsage {
  provider: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  cacheCreationInputTokens: number;
  cacheReadInputTokens: number;
  /** Null for a model without a known price. */
  costUsd: number | null;
  durationMs: number;
  requestId: string | null;
}

export interface ModelResult<T> {
  value: T;
  /** One entry per model call made; empty for the offline model. */
  usage: ModelUsage[];
  /** Set when the model's answer was unusable and the value is the hand-to-a-human fallback. */
  fallbackReason: string | null;
}

/** A customer's reply to a procedure's question or quote, to read as accept/refuse/question/more information. */
export interface ModelReplyRequest {
  text: string;
  /** The run's language (the customer's). */
  language: string;
  /** What the procedure last told the customer (the quote), for context. */
  asked: string | null;
  /** Fields the reply brought (attachments, measures) that the procedure extracts. */
  newFields: string[];
}

export interface LanguageModel {
  readonly name: string;
  triage(request: ModelTriageRequest): Promise<ModelResult<TriageResult>>;
  draft(request: ModelDraftRequest): Promise<ModelResult<ModelDraft>>;
  /** Optional: a model without it leaves procedures to the offline interpreter. */
  interpretReply?(request: ModelReplyRequest): Promise<ModelResult<ReplyReading>>;
}
