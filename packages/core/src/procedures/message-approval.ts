import {
  appSettings,
  type DraftRow,
  getApp,
  getDraft,
  insertDraft,
  listDraftsForConversation,
  listMessages,
  listOutcomes,
} from "@support/db";
import { decideAutonomy, trustScore } from "@support/decisions";
import { commitChange } from "../service/change.js";
import type { ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import { appTriage } from "./categories.js";
import type { LoadedRun } from "./run-record.js";

/**
 * A procedure's message to the customer goes through the drafts (ADR 0113): the app's autonomy
 * policy decides, for the run's category, whether it leaves at once (a draft approved by
 * autonomy) or waits for a person (a draft pending approval on the dashboard, Slack or the API,
 * like any other). Either way `send-on-approval` sends it, and the run goes on once it is sent;
 * a rejected, expired or failed message hands the conversation to a person.
 */

/** Where a procedure draft comes from, kept in its `triage` so the relay can find the run. */
export interface ProcedureDraftOrigin {
  procedureRunId: string;
  step: string;
  template: string;
}

export const originOf = (draft: DraftRow): ProcedureDraftOrigin | null => {
  const origin = (draft.triage as { procedure?: ProcedureDraftOrigin } | null)?.procedure;
  return origin && typeof origin.procedureRunId === "string" ? origin : null;
};

/** Sent: the run goes on. Still open (or approved and on its way): wait. Anything else: a person takes over. */
export type MessageDecision = "sent" | "open" | "stopped";
export function messageDecision(status: string): MessageDecision {
  if (status === "sent" || status === "auto_sent") return "sent";
  if (status === "pending_approval" || status === "declined" || status === "approved") return "open";
  return "stopped";
}

async function autonomyFor(ctx: ServiceContext, loaded: LoadedRun, approval: "policy" | "always") {
  const { run, data } = loaded;
  const app = await getApp(ctx.db, ctx.org.id, run.appId);
  if (!app) throw new AppError("not_found", `app "${run.appId}" not found`);
  const settings = appSettings(app);
  const category = data.classification.category;
  const triage = await appTriage(ctx, run.appId);
  const outcomes = await listOutcomes(ctx.db, ctx.org.id, run.appId, { category });
  const trust = trustScore(
    outcomes.map((o) => ({
      outcome: o.outcome as Parameters<typeof trustScore>[0][number]["outcome"],
      at: o.createdAt,
    })),
    new Date(),
  );
  const decision = decideAutonomy({
    settings,
    category,
    categoryRisk: triage.categories.find((c) => c.name === category)?.risk ?? "high",
    intent: category,
    flags: [],
    needsHuman: false,
    // The text is the operator's template, filled in: no model wrote it, nothing to be unsure of.
    confidence: 1,
    trust,
    gates: [],
    shadowMode: settings.shadowMode,
  });
  if (approval === "policy") return decision;
  return {
    ...decision,
    autoSend: false,
    reasons: [...decision.reasons.filter((r) => !r.includes("auto-send")), "the step asks a person to approve"],
  };
}

/**
 * The draft of a message step, once per run and step key: found again on a retry, otherwise
 * stored approved (autonomy) or pending approval, with the events the review path listens to.
 */
export async function draftProcedureMessage(
  ctx: ServiceContext,
  loaded: LoadedRun,
  input: { key: string; template: string; text: string; approval: "policy" | "always" },
): Promise<{ draftId: string; status: string; autoSend: boolean }> {
  const { run } = loaded;
  const orgId = ctx.org.id;
  const drafts = await listDraftsForConversation(ctx.db, orgId, run.conversationId);
  const existing = drafts.find((d) => {
    const origin = originOf(d);
    return origin !== null && origin.procedureRunId === run.id && origin.step === input.key;
  });
  if (existing) return { draftId: existing.id, status: existing.status, autoSend: existing.decidedBy === "autonomy" };
  const messages = await listMessages(ctx.db, orgId, run.conversationId);
  const answered =
    messages.filter((m) => m.direction === "inbound" && m.authorKind === "customer").at(-1)?.id ?? run.triggerMessageId;
  const attempts = drafts.filter((d) => d.messageId === answered).map((d) => d.attempt);
  const decision = await autonomyFor(ctx, loaded, input.approval);
  const status = decision.autoSend ? "approved" : "pending_approval";
  const origin: ProcedureDraftOrigin = { procedureRunId: run.id, step: input.key, template: input.template };
  return commitChange(ctx, async (tx, log) => {
    const draft = await insertDraft(tx, {
      orgId,
      appId: run.appId,
      conversationId: run.conversationId,
      messageId: answered,
      attempt: attempts.length === 0 ? 0 : Math.max(...attempts) + 1,
      status,
      category: loaded.data.classification.category,
      text: input.text,
      citations: [],
      triage: { category: loaded.data.classification.category, language: loaded.data.language, procedure: origin },
      gates: [],
      decision,
      usage: [],
      traceId: `procedure:${run.id}`,
      sentText: null,
      deliveryId: null,
      decidedBy: decision.autoSend ? "autonomy" : null,
      decidedAt: decision.autoSend ? new Date() : null,
      decidedVia: null,
      remindedAt: null,
      reason: decision.reasons.join("; "),
      customer: null,
      actions: [],
    });
    const ids = { v: 1 as const, orgId, appId: run.appId, conversationId: run.conversationId, draftId: draft.id };
    await log.audit({
      action: "procedure.message_drafted",
      subject: draft.id,
      data: { runId: run.id, step: input.key, status, reasons: decision.reasons },
    });
    await log.emit("support/draft.created", { ...ids, status });
    if (decision.autoSend) await log.emit("support/draft.approved", { ...ids, auto: true });
    else await log.emit("support/approval.requested", ids);
    return { draftId: draft.id, status, autoSend: decision.autoSend };
  });
}

/**
 * Relays a decided procedure draft (sent, rejected, expired, failed) to its run as
 * `support/procedure.message_decided`; other drafts are not a run's business.
 */
export async function relayProcedureDecision(ctx: ServiceContext, draftId: string): Promise<boolean> {
  const draft = await getDraft(ctx.db, ctx.org.id, draftId);
  const origin = draft && originOf(draft);
  if (!draft || !origin) return false;
  await commitChange(ctx, async (_tx, log) => {
    await log.emit("support/procedure.message_decided", {
      v: 1,
      orgId: ctx.org.id,
      appId: draft.appId,
      conversationId: draft.conversationId,
      runId: origin.procedureRunId,
      draftId,
    });
  });
  return true;
}
