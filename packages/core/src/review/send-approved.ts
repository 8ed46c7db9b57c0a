import { type DraftRow, getDraft, insertMessage, insertOutcome, transitionDraft } from "@support/db";
import { draftDiff } from "@support/decisions";
import { replyTargetFor } from "../delivery/reply-target.js";
import { sendReply } from "../delivery/send-reply.js";
import { commitChange } from "../service/change.js";
import type { ServiceContext, Surface } from "../service/context.js";
import { AppError } from "../service/errors.js";
import { withExecutionSummaries } from "./approved-actions.js";
import { wouldAutoSend } from "./decisions.js";

/**
 * Sends an approved draft through its channel (idempotent on the draft id), telling what its
 * executed actions did, then records the outcome: the diff between draft and sent text for a
 * human approval; nothing for an auto-send, whose quality no human judged. Run the approved
 * actions first (`settleApprovedActions`). The workflow calls it; the audit names its actor.
 */
export async function sendApprovedDraft(ctx: ServiceContext, draftId: string): Promise<DraftRow> {
  const orgId = ctx.org.id;
  const draft = await getDraft(ctx.db, orgId, draftId);
  if (!draft) throw new AppError("not_found", `draft "${draftId}" not found`);
  if (draft.status !== "approved") return draft;
  const approvedText = draft.sentText ?? draft.text;
  const text = await withExecutionSummaries(ctx, draftId, approvedText);
  const target = await replyTargetFor(ctx, draft.conversationId);
  const delivery = await sendReply(ctx, target, { text }, { idempotencyKey: draft.id, rating: true });
  const auto = draft.decidedBy === "autonomy";
  return commitChange(ctx, async (tx, log) => {
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
      await log.audit({
        action: "reply.failed",
        subject: draftId,
        traceId: draft.traceId,
        data: { reason: delivery.failureReason },
      });
      await log.emit("support/reply.failed", ids);
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
    await log.audit({
      action: "reply.sent",
      subject: draftId,
      traceId: draft.traceId,
      data: { deliveryId: delivery.id, sandbox: delivery.sandbox },
    });
    await log.emit("support/reply.sent", ids);
    return after;
  });
}
