import type Anthropic from "@anthropic-ai/sdk";
import type {
  ActionTool,
  ModelDraftRequest as DraftRequest,
  LanguageModel,
  ModelActionProposal,
  ModelDraft,
  ModelResult,
  ModelUsage,
  ReplyReading,
  ModelReplyRequest as ReplyRequest,
  ModelTriageRequest as TriageRequest,
  TriageResult,
} from "@support/decisions";
import type { z } from "zod";
import { costUsd, type ModelPrice, priceOf } from "./pricing.js";
import {
  DRAFT_SYSTEM_PROMPT,
  draftUserMessage,
  REPLY_SYSTEM_PROMPT,
  replyUserMessage,
  TRIAGE_SYSTEM_PROMPT,
  triageUserMessage,
} from "./prompts.js";
import { draftToolInput, replyToolInput, toolInputSchema, triageToolInput } from "./schemas.js";

/**
 * Claude through the official SDK. Structured output is a tool call whose input is validated with
 * zod. The tool is offered with tool_choice "auto" and the system prompt requires it: current models
 * (Sonnet 5.5, Opus 5.5) reject a forced tool_choice, and an answer without the tool is simply a
 * malformed answer; a malformed answer is not retried (it would likely repeat) but handed to a human with
 * the reason. The SDK retries 429, 529 and other 5xx with exponential backoff, honouring
 * retry-after; once retries are exhausted the call throws ModelCallError (as do auth errors and timeouts) so the workflow
 * step can retry later. Drafting also offers the app's actions as tools: every other tool call in
 * the answer is passed on as an unchecked proposal, which the pipeline validates.
 */

export interface AnthropicModelOptions {
  apiKey: string;
  baseUrl?: string;
  model: string;
  timeoutMs?: number;
  maxRetries?: number;
  maxTokens?: number;
  prices?: Record<string, ModelPrice>;
}

export class ModelCallError extends Error {
  readonly code = "model_call_failed";
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

const TRIAGE_TOOL = "record_triage";
const DRAFT_TOOL = "write_reply";
const REPLY_TOOL = "record_reply_intent";

export function createAnthropicModel(options: AnthropicModelOptions): LanguageModel {
  // The SDK (a few hundred modules) is loaded at the first call, not by every process that
  // configures the model (the CLI, an API instance that never drafts).
  let sdk: Promise<{ client: Anthropic; APIError: typeof Anthropic.APIError }> | undefined;
  const loadSdk = () =>
    (sdk ??= import("@anthropic-ai/sdk").then(({ default: AnthropicClient, APIError }) => ({
      client: new AnthropicClient({
        apiKey: options.apiKey,
        baseURL: options.baseUrl ?? null,
        timeout: options.timeoutMs ?? 30_000,
        maxRetries: options.maxRetries ?? 3,
      }),
      APIError,
    })));
  const price = options.prices ? priceOf(options.model, options.prices) : priceOf(options.model);

  async function callTool<S extends z.ZodObject>(
    system: string,
    tool: { name: string; description: string; schema: S },
    user: string,
    actionTools: ActionTool[] = [],
  ): Promise<{ input: z.infer<S> | null; problem: string | null; usage: ModelUsage; others: ModelActionProposal[] }> {
    const started = performance.now();
    const { client, APIError } = await loadSdk();
    let result: { data: Anthropic.Message; request_id?: string | null };
    try {
      result = await client.messages
        .create({
          model: options.model,
          // Room for adaptive thinking before the tool call, which counts against max_tokens.
          max_tokens: options.maxTokens ?? 4096,
          system: [{ type: "text", text: system, cache_control: { type: "ephemeral" } }],
          tools: [
            { name: tool.name, description: tool.description, input_schema: toolInputSchema(tool.schema) },
            ...actionTools.map((a) => ({
              name: a.name,
              description: a.description,
              input_schema: toolInputSchema(a.input),
            })),
          ],
          tool_choice: { type: "auto" },
          messages: [{ role: "user", content: user }],
        })
        .withResponse();
    } catch (error) {
      if (error instanceof APIError) {
        throw new ModelCallError(
          `Anthropic API ${error.status ?? "connection"} error: ${error.message}`,
          error.status ?? null,
        );
      }
      throw error;
    }
    const message = result.data;
    const usage: ModelUsage = {
      provider: "anthropic",
      model: message.model ?? options.model,
      inputTokens: message.usage.input_tokens,
      outputTokens: message.usage.output_tokens,
      cacheCreationInputTokens: message.usage.cache_creation_input_tokens ?? 0,
      cacheReadInputTokens: message.usage.cache_read_input_tokens ?? 0,
      costUsd: costUsd(price, {
        input: message.usage.input_tokens,
        output: message.usage.output_tokens,
        cacheWrite: message.usage.cache_creation_input_tokens ?? 0,
        cacheRead: message.usage.cache_read_input_tokens ?? 0,
      }),
      durationMs: performance.now() - started,
      requestId: result.request_id ?? null,
    };
    const others = message.content.flatMap((block) =>
      block.type === "tool_use" && block.name !== tool.name ? [{ action: block.name, input: block.input }] : [],
    );
    const call = message.content.find((block) => block.type === "tool_use" && block.name === tool.name);
    if (call?.type !== "tool_use") {
      return { input: null, problem: `no ${tool.name} tool call (stop reason ${message.stop_reason})`, usage, others };
    }
    const parsed = tool.schema.safeParse(call.input);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ");
      return { input: null, problem: `invalid ${tool.name} input (${issues})`, usage, others };
    }
    return { input: parsed.data, problem: null, usage, others };
  }

  return {
    name: `anthropic:${options.model}`,
    async triage(request: TriageRequest): Promise<ModelResult<TriageResult>> {
      const { input, problem, usage } = await callTool(
        TRIAGE_SYSTEM_PROMPT,
        { name: TRIAGE_TOOL, description: "Record the triage of the customer's message.", schema: triageToolInput },
        triageUserMessage(request),
      );
      const names = request.categories.map((c) => c.name);
      const reason =
        problem ?? (input && !names.includes(input.category) ? `unknown category "${input.category}"` : null);
      if (!input || reason) {
        const fallback = names.includes("other") ? "other" : (names[0] ?? "other");
        return {
          value: {
            category: fallback,
            intent: "unknown",
            priority: "normal",
            language: request.defaultLanguage,
            sentiment: "neutral",
            spam: false,
            needsHuman: true,
            confidence: 0,
            reasons: [`model output unusable, needs a human: ${reason}`],
            flags: [],
            automated: null,
          },
          usage: [usage],
          fallbackReason: reason,
        };
      }
      return {
        value: { ...input, reasons: input.reasons.map((r) => `claude: ${r}`), automated: null },
        usage: [usage],
        fallbackReason: null,
      };
    },
    /** An unusable answer is confidence 0 with its reason: the caller falls back to the offline interpreter. */
    async interpretReply(request: ReplyRequest): Promise<ModelResult<ReplyReading>> {
      const { input, problem, usage } = await callTool(
        REPLY_SYSTEM_PROMPT,
        { name: REPLY_TOOL, description: "Record what the customer's reply means.", schema: replyToolInput },
        replyUserMessage(request),
      );
      if (!input) {
        return {
          value: { intent: "question", confidence: 0, reasons: [`model output unusable: ${problem}`] },
          usage: [usage],
          fallbackReason: problem,
        };
      }
      return {
        value: { intent: input.intent, confidence: input.confidence, reasons: [`claude: ${input.reason}`] },
        usage: [usage],
        fallbackReason: null,
      };
    },
    async draft(request: DraftRequest): Promise<ModelResult<ModelDraft>> {
      const { input, problem, usage, others } = await callTool(
        DRAFT_SYSTEM_PROMPT,
        {
          name: DRAFT_TOOL,
          description: "Write the reply to the customer, with its citations.",
          schema: draftToolInput,
        },
        draftUserMessage(request),
        request.actions,
      );
      // Passed on whatever became of the reply: the approver may still want the refund it asked for.
      const proposals = request.actions ? others : undefined;
      const byId = new Map(request.passages.map((p) => [p.id, p]));
      const unknown = input?.citations.filter((id) => !byId.has(id)) ?? [];
      const reason =
        problem ??
        (unknown.length > 0
          ? `cites passages that were not provided: ${unknown.join(", ")}`
          : input && !input.needsHuman && input.text.trim() === ""
            ? "empty reply"
            : null);
      if (!input || reason || input.needsHuman) {
        const why = reason ? `model output unusable: ${reason}` : `model declined: ${input?.reason}`;
        return {
          value: {
            kind: "decline",
            text: "",
            citations: [],
            confidence: 0,
            needsHuman: true,
            reasons: [`needs a human: ${why}`],
            proposals,
          },
          usage: [usage],
          fallbackReason: reason,
        };
      }
      const citations = [...new Set(input.citations)].map((id) => {
        const p = byId.get(id) as DraftRequest["passages"][number];
        return { passageId: p.id, sourceId: p.sourceId, title: p.title, url: p.url };
      });
      return {
        value: {
          kind: "reply",
          text: input.text.trim(),
          citations,
          confidence: input.confidence,
          needsHuman: false,
          reasons: [`claude: ${input.reason}`],
          proposals,
        },
        usage: [usage],
        fallbackReason: null,
      };
    },
  };
}
