import {
  appendAudit,
  type Database,
  type DraftRow,
  getDraft,
  insertMessage,
  insertOutcome,
  transitionDraft,
  updateConversation,
} from "@support/db";
import { draftDiff } from "@support/decisions";
import { replyTargetFor } from "../delivery/reply-target.js";
import { sendReply } from "../delivery/send-reply.js";
import { emit } from "../events.js";
import { type Surface, serviceContext, WORKFLOW } from "../service/context.js";
import { AppError } from "../service/errors.js";
import type { PipelineDeps } from "../service/ports.js";
import { approveActions, draftActions, withExecutionSummaries } from "./approved-actions.js";

const OPEN = ["pending_approval", "declined"];

async function requireOpen(database: Database, orgId: string, draftId: string): Promise<DraftRow> {
  const draft = await getDraft(database.db, orgId, draftId);
  if (!draft) throw new AppError("not_found", `draft "${draftId}" not found`);
  if (!OPEN.includes(draft.status)) throw new AppError("conflict", `draft ${draftId} is already ${draft.status}`);
  return draft;
}

const wouldAutoSend = (d: DraftRow) => Boolean((d.decision as { wouldAutoSend?: boolean }).wouldAutoSend);

/**
 * A human approves (optionally with edited text, and with the ids of the proposed actions to run:
 * all by default, `[]` for none); the actions run and the reply is sent on `support/draft.approved`.
 */
export async function approveDraft(
  database: Database,
  orgId: string,
  draftId: string,
  input: { text?: string; actions?: string[]; actor: string; surface: Surface },
): Promise<DraftRow> {
  const draft = await requireOpen(database, orgId, draftId);
  const text = input.text?.trim() ? input.text.trim() : draft.text;
  if (!text) throw new AppError("invalid_input", "this draft has no text: approve it with the reply to send (text)");
  const actions = approveActions(draftActions(draft), input.actions);
  return database.transaction(async (tx) => {
    const { draft: after, changed } = await transitionDraft(tx, orgId, draftId, OPEN, {
      status: "approved",
      sentText: text,
      decidedBy: input.actor,
      decidedAt: new Date(),
      decidedVia: input.surface,
      actions,
    });
    if (!changed || !after) throw new AppError("conflict", `draft ${draftId} is already ${after?.status ?? "gone"}`);
    await appendAudit(tx, orgId, {
      actor: input.actor,
      action: "draft.approved",
      subject: draftId,
      traceId: draft.traceId,
      data: {
        edited: text !== draft.text,
        surface: input.surface,
        actions: actions.filter((a) => a.approved).map((a) => a.action),
      },
    });
    await emit(tx, "support/draft.approved", {
      v: 1,
      orgId,
      appId: draft.appId,
      conversationId: draft.conversationId,
      draftId,
      auto: false,
    });
    return after;
  });
}

export async function rejectDraft(
  database: Database,
  orgId: string,
  draftId: string,
  input: { reason: string; actor: string; surface: Surface },
): Promise<DraftRow> {
  if (!input.reason.trim()) throw new AppError("invalid_input", "a reason is required to reject a draft");
  const draft = await requireOpen(database, orgId, draftId);
  return database.transaction(async (tx) => {
    const { draft: after, changed } = await transitionDraft(tx, orgId, draftId, OPEN, {
      status: "rejected",
      reason: input.reason.trim(),
      decidedBy: input.actor,
      decidedAt: new Date(),
      decidedVia: input.surface,
    });
    if (!changed || !after) throw new AppError("conflict", `draft ${draftId} is already ${after?.status ?? "gone"}`);
    await insertOutcome(tx, {
      orgId,
      appId: draft.appId,
      draftId,
      category: draft.category,
      outcome: "rejected",
      overlapBp: null,
      wouldAutoSend: wouldAutoSend(draft),
      actor: input.actor,
      surface: input.surface,
    });
    await updateConversation(tx, orgId, draft.conversationId, { status: "escalated" });
    await appendAudit(tx, orgId, {
      actor: input.actor,
      action: "draft.rejected",
      subject: draftId,
      traceId: draft.traceId,
      data: { reason: input.reason.trim(), surface: input.surface },
    });
    const ids = { v: 1 as const, orgId, appId: draft.appId, conversationId: draft.conversationId, draftId };
    await emit(tx, "support/draft.rejected", ids);
    await emit(tx, "support/conversation.escalated", ids);
    return after;
  });
}

export async function escalateDraft(
  database: Database,
  orgId: string,
  draftId: string,
  input: { actor: string; surface: Surface; reason?: string },
): Promise<DraftRow> {
  const draft = await requireOpen(database, orgId, draftId);
  return database.transaction(async (tx) => {
    const { draft: after, changed } = await transitionDraft(tx, orgId, draftId, OPEN, {
      status: "escalated",
      reason: input.reason ?? "escalated by a teammate",
      decidedBy: input.actor,
      decidedAt: new Date(),
      decidedVia: input.surface,
    });
    if (!changed || !after) throw new AppError("conflict", `draft ${draftId} is already ${after?.status ?? "gone"}`);
    await updateConversation(tx, orgId, draft.conversationId, { status: "escalated" });
    await appendAudit(tx, orgId, {
      actor: input.actor,
      action: "draft.escalated",
      subject: draftId,
      traceId: draft.traceId,
    });
    await emit(tx, "support/conversation.escalated", {
      v: 1,
      orgId,
      appId: draft.appId,
      conversationId: draft.conversationId,
      draftId,
    });
    return after;
  });
}

/**
 * Sends an approved draft through its channel (idempotent on the draft id), telling what its
 * executed actions did, then records the outcome: the diff between draft and sent text for a
 * human approval; nothing for an auto-send, whose quality no human judged. Run the approved
 * actions first (`runApprovedActions`).
 */
export async function sendApprovedDraft(deps: PipelineDeps, orgId: string, draftId: string): Promise<DraftRow> {
  const { database } = deps;
  const draft = await getDraft(database.db, orgId, draftId);
  if (!draft) throw new AppError("not_found", `draft "${draftId}" not found`);
  if (draft.status !== "approved") return draft;
  const approvedText = draft.sentText ?? draft.text;
  const text = await withExecutionSummaries(deps, orgId, draftId, approvedText);
  const ctx = serviceContext({ db: database, ports: deps }, orgId, WORKFLOW);
  const target = await replyTargetFor(ctx, draft.conversationId);
  const delivery = await sendReply(ctx, target, { text }, { idempotencyKey: draft.id });
  const auto = draft.decidedBy === "autonomy";
  return database.transaction(async (tx) => {
    const failed = delivery.status === "failed";
    const { draft: after, changed } = await transitionDraft(tx, orgId, draftId, ["approved"], {
      status: failed ? "failed" : auto ? "auto_sent" : "sent",
      deliveryId: delivery.id,
      sentText: text,
      reason: failed ? delivery.failureReason : draft.reason,
    });
    if (!changed || !after) return after ?? draft;
    const ids = {
      v: 1 as const,
      orgId,
      appId: draft.appId,
      conversationId: draft.conversationId,
      draftId,
      deliveryId: delivery.id,
    };
    if (failed) {
      await appendAudit(tx, orgId, {
        actor: "pipeline",
        action: "reply.failed",
        subject: draftId,
        traceId: draft.traceId,
        data: { reason: delivery.failureReason },
      });
      await emit(tx, "support/reply.failed", ids);
      return after;
    }
    await insertMessage(tx, {
      orgId,
      conversationId: draft.conversationId,
      direction: "outbound",
      authorKind: "bot",
      authorName: auto ? "autonomy" : draft.decidedBy,
      kind: "text",
      externalId: `draft:${draft.id}`,
      text,
      html: null,
      attachments: null,
      metadata: { draftId: draft.id, deliveryId: delivery.id, sandbox: delivery.sandbox },
      inboundEventId: null,
      createdAt: new Date(),
    });
    if (!auto) {
      // Judged on what the approver sent: the action summary is the platform's, not theirs.
      const diff = draftDiff(draft.text, approvedText);
      await insertOutcome(tx, {
        orgId,
        appId: draft.appId,
        draftId,
        category: draft.category,
        outcome: diff.outcome,
        overlapBp: Math.round(diff.overlap * 10_000),
        wouldAutoSend: wouldAutoSend(draft),
        actor: draft.decidedBy ?? "unknown",
        surface: (draft.decidedVia as Surface | null) ?? "api",
      });
    }
    await appendAudit(tx, orgId, {
      actor: "pipeline",
      action: "reply.sent",
      subject: draftId,
      traceId: draft.traceId,
      data: { deliveryId: delivery.id, sandbox: delivery.sandbox },
    });
    await emit(tx, "support/reply.sent", ids);
    return after;
  });
}
