import { randomUUID } from "node:crypto";
import {
  appendAudit,
  appSettings,
  type Db,
  type DraftRow,
  findAppForWebhook,
  findDraftForMessage,
  getContact,
  getConversation,
  insertDraft,
  listMessages,
  listOutcomes,
  type Message,
} from "@support/db";
import { emit } from "../events.js";
import { decideAutonomy } from "../pipeline/autonomy.js";
import { DEFAULT_CATEGORIES } from "../pipeline/categories.js";
import { allGatesPassed, runGates } from "../pipeline/gates/index.js";
import type { ModelResult } from "../pipeline/model-port.js";
import { trustScore } from "../pipeline/trust.js";
import { noopTracer, type Tracer } from "../tracing.js";
import type { PipelineDeps } from "./pipeline-deps.js";
import { supersedePendingDrafts } from "./supersede.js";

export type DraftAttempt =
  | { kind: "drafted"; draft: DraftRow }
  | { kind: "existing"; draft: DraftRow }
  | { kind: "skipped"; reason: string };

/** Why a conversation must be left to people right now, if it must. */
export function humanOwnsConversation(
  conversation: { assignee: string | null; status: string },
  messages: Message[],
  message: Message,
): string | null {
  if (conversation.assignee) return `assigned to ${conversation.assignee}`;
  if (conversation.status === "escalated") return "the conversation was handed to a person";
  const teammateReplied = messages.some(
    (m) =>
      m.direction === "outbound" && m.authorKind === "agent" && m.createdAt >= message.createdAt && m.id !== message.id,
  );
  return teammateReplied ? "a teammate replied after the customer's message" : null;
}

/**
 * The pipeline for one customer message: guard, triage, retrieve, draft, validate, score trust
 * and decide. One draft per message (re-running returns the stored one); the draft, its audit
 * trail and its events are written in one transaction.
 */
export async function draftForMessage(
  deps: PipelineDeps,
  input: { orgId: string; conversationId: string; messageId: string },
): Promise<DraftAttempt> {
  const tracer = deps.tracer ?? noopTracer;
  return tracer.observe("pipeline.draft", "span", { ...input }, async (run) => {
    const attempt = await runPipeline(deps, tracer, input);
    run.update({
      output:
        attempt.kind === "skipped"
          ? { kind: attempt.kind, reason: attempt.reason }
          : {
              kind: attempt.kind,
              draftId: attempt.draft.id,
              status: attempt.draft.status,
              category: attempt.draft.category,
            },
    });
    return attempt;
  });
}

function modelCall<T>(
  tracer: Tracer,
  name: string,
  input: Record<string, unknown>,
  call: () => Promise<ModelResult<T>>,
): Promise<ModelResult<T>> {
  return tracer.observe(name, "generation", input, async (generation) => {
    const result = await call();
    const usage = result.usage.reduce(
      (sum, u) => ({
        input: sum.input + u.inputTokens,
        output: sum.output + u.outputTokens,
        cost: sum.cost + (u.costUsd ?? 0),
      }),
      { input: 0, output: 0, cost: 0 },
    );
    generation.update({
      model: result.usage[0]?.model ?? "offline",
      usage: { input: usage.input, output: usage.output },
      costUsd: usage.cost,
      metadata: { fallbackReason: result.fallbackReason },
    });
    return result;
  });
}

async function runPipeline(
  deps: PipelineDeps,
  tracer: Tracer,
  input: { orgId: string; conversationId: string; messageId: string },
): Promise<DraftAttempt> {
  const db = deps.database.db;
  const existing = await findDraftForMessage(db, input.orgId, input.messageId);
  if (existing) return { kind: "existing", draft: existing };
  const conversation = await getConversation(db, input.orgId, input.conversationId);
  if (!conversation) return { kind: "skipped", reason: "conversation not found" };
  const app = await findAppForWebhook(db, conversation.appId);
  if (!app || app.orgId !== input.orgId) return { kind: "skipped", reason: "app not found" };
  const messages = await listMessages(db, input.orgId, conversation.id);
  const message = messages.find((m) => m.id === input.messageId);
  if (!message) return { kind: "skipped", reason: "message not found" };
  if (message.direction !== "inbound" || message.authorKind !== "customer") {
    return { kind: "skipped", reason: "not a customer message" };
  }
  const humanReason = humanOwnsConversation(conversation, messages, message);
  if (humanReason) {
    await supersedePendingDrafts(deps.database, input.orgId, conversation.id, humanReason);
    return { kind: "skipped", reason: humanReason };
  }
  const newer = messages.some(
    (m) => m.direction === "inbound" && m.authorKind === "customer" && m.createdAt > message.createdAt,
  );
  if (newer) return { kind: "skipped", reason: "a newer customer message will be answered instead" };

  const settings = appSettings(app);
  const contact = await getContact(db, input.orgId, conversation.contactId);
  const triage = await modelCall(tracer, "triage", { messageId: message.id, model: deps.model.name }, () =>
    deps.model.triage({
      message: { text: message.text, subject: conversation.subject ?? undefined, from: contact?.email ?? undefined },
      categories: DEFAULT_CATEGORIES,
      defaultLanguage: settings.language,
    }),
  );
  const t = triage.value;
  if (t.automated || t.spam)
    return { kind: "skipped", reason: t.automated ? `automated message (${t.automated})` : "spam" };

  const traceId = randomUUID();
  const question = [conversation.subject, message.text].filter(Boolean).join("\n");
  const retrieval = t.needsHuman
    ? { passages: [], relevant: false }
    : await deps.retrieve({ orgId: input.orgId, appId: app.id, query: message.text, k: 5 });
  const earlierReplies = messages.filter((m) => m.direction === "outbound").map((m) => m.text);
  const drafted = t.needsHuman
    ? undefined
    : await modelCall(tracer, "draft", { messageId: message.id, passages: retrieval.passages.length }, () =>
        deps.model.draft({
          question,
          customerName: contact?.name ?? null,
          language: t.language,
          tone: settings.tone,
          persona: `${app.name}'s support team`,
          signature: `The ${app.name} team`,
          passages: retrieval.relevant ? retrieval.passages : [],
          conversation: messages
            .filter((m) => m.direction !== "internal" && m.createdAt <= message.createdAt)
            .map((m) => ({
              from: m.direction === "inbound" ? ("customer" as const) : ("agent" as const),
              text: m.text,
            })),
          customerContext: [],
        }),
      );
  const draft = drafted?.value;
  const gates =
    draft && draft.kind === "reply"
      ? runGates({
          text: draft.text,
          citedPassageIds: draft.citations.map((c) => c.passageId),
          passages: retrieval.passages,
          customerData: [],
          customerLanguage: t.language,
          bannedPhrases: settings.bannedPhrases,
          earlierReplies,
        })
      : [];
  const category = DEFAULT_CATEGORIES.find((c) => c.name === t.category);
  const outcomes = await listOutcomes(db, input.orgId, app.id, { category: t.category });
  const trust = trustScore(
    outcomes.map((o) => ({
      outcome: o.outcome as Parameters<typeof trustScore>[0][number]["outcome"],
      at: o.createdAt,
    })),
    new Date(),
  );
  const decision = decideAutonomy({
    settings,
    category: t.category,
    categoryRisk: category?.risk ?? "high",
    intent: t.intent,
    flags: t.flags,
    needsHuman: t.needsHuman || !draft || draft.needsHuman,
    confidence: Math.min(t.confidence, draft?.confidence ?? 0),
    trust,
    gates,
    shadowMode: settings.shadowMode,
  });
  const status = t.needsHuman
    ? "escalated"
    : !draft || draft.kind === "decline"
      ? "declined"
      : decision.autoSend
        ? "approved"
        : "pending_approval";
  const fallback = [triage.fallbackReason, drafted?.fallbackReason].filter(Boolean);

  const row = await deps.database.transaction(async (tx) => {
    const again = await findDraftForMessage(tx, input.orgId, input.messageId);
    if (again) return { row: again, created: false };
    const created = await insertDraft(tx, {
      orgId: input.orgId,
      appId: app.id,
      conversationId: conversation.id,
      messageId: message.id,
      status,
      category: t.category,
      text: draft?.text ?? "",
      citations: draft?.citations ?? [],
      triage: t,
      gates,
      decision: { ...decision, relevant: retrieval.relevant, fallback },
      usage: [...triage.usage, ...(drafted?.usage ?? [])],
      traceId,
      sentText: null,
      deliveryId: null,
      decidedBy: status === "approved" ? "autonomy" : status === "escalated" ? "triage" : null,
      decidedAt: status === "approved" || status === "escalated" ? new Date() : null,
      decidedVia: null,
      remindedAt: null,
      reason: status === "escalated" ? "the customer asked for a person" : (draft?.reasons.join("; ") ?? null),
    });
    await auditTrail(tx, created, allGatesPassed(gates));
    const ids = {
      v: 1 as const,
      orgId: input.orgId,
      appId: app.id,
      conversationId: conversation.id,
      draftId: created.id,
    };
    await emit(tx, "support/draft.created", { ...ids, status });
    if (status === "pending_approval" || status === "declined") await emit(tx, "support/approval.requested", ids);
    if (status === "approved") await emit(tx, "support/draft.approved", { ...ids, auto: true });
    if (status === "escalated") await emit(tx, "support/conversation.escalated", ids);
    return { row: created, created: true };
  });
  return row.created ? { kind: "drafted", draft: row.row } : { kind: "existing", draft: row.row };
}

async function auditTrail(tx: Db, draft: DraftRow, gatesPassed: boolean) {
  const base = { actor: "pipeline", subject: draft.id, traceId: draft.traceId };
  const triage = draft.triage as { category: string; confidence: number; needsHuman: boolean };
  await appendAudit(tx, draft.orgId, { ...base, action: "draft.triaged", data: triage });
  await appendAudit(tx, draft.orgId, {
    ...base,
    action: "draft.created",
    data: { conversationId: draft.conversationId, citations: (draft.citations as unknown[]).length },
  });
  await appendAudit(tx, draft.orgId, { ...base, action: "draft.validated", data: { passed: gatesPassed } });
  const decision = draft.decision as { autoSend: boolean; wouldAutoSend: boolean; reasons: string[] };
  await appendAudit(tx, draft.orgId, {
    ...base,
    action: "draft.decided",
    data: {
      status: draft.status,
      autoSend: decision.autoSend,
      wouldAutoSend: decision.wouldAutoSend,
      reasons: decision.reasons,
    },
  });
}
