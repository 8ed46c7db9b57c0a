import type { ApproveDraftInput, DraftView } from "@support/contract";
import { type Db, type DraftRow, getDraft, insertOutcome, transitionDraft, updateConversation } from "@support/db";
import { commitChange } from "../service/change.js";
import { type ServiceContext, surfaceOf } from "../service/context.js";
import { AppError } from "../service/errors.js";
import { approveActions, draftActions, requireApproverRole } from "./approved-actions.js";
import { publicDraft } from "./public-draft.js";

/*
 * A person's decision on a draft waiting for approval, from any surface: the dashboard, the API,
 * Slack or the CLI. Any member decides (agents included); the decision records who (the
 * context's actor) and where (`surfaceOf`), and is written with its audit row and events in one
 * transaction.
 */

export const OPEN_STATUSES = ["pending_approval", "declined"];

async function requireOpen(db: Db, orgId: string, draftId: string): Promise<DraftRow> {
  const draft = await getDraft(db, orgId, draftId);
  if (!draft) throw new AppError("not_found", `draft "${draftId}" not found`);
  if (!OPEN_STATUSES.includes(draft.status))
    throw new AppError("conflict", `draft ${draftId} is already ${draft.status}`);
  return draft;
}

const alreadyDecided = (draftId: string, after: DraftRow | undefined) =>
  new AppError("conflict", `draft ${draftId} is already ${after?.status ?? "gone"}`);

export const wouldAutoSend = (d: DraftRow) => Boolean((d.decision as { wouldAutoSend?: boolean }).wouldAutoSend);

/**
 * Approves a draft (optionally with edited text, and with the ids of the proposed actions to run,
 * `[]` for none: required when the draft proposes any); the actions run and the reply is sent on
 * `support/draft.approved`.
 */
export async function approveDraft(
  ctx: ServiceContext,
  draftId: string,
  input: ApproveDraftInput = {},
): Promise<DraftView> {
  const orgId = ctx.org.id;
  const surface = surfaceOf(ctx.actor);
  const draft = await requireOpen(ctx.db, orgId, draftId);
  const text = input.text?.trim() ? input.text.trim() : draft.text;
  if (!text) throw new AppError("invalid_input", "this draft has no text: approve it with the reply to send (text)");
  const actions = approveActions(draftActions(draft), input.actions);
  await requireApproverRole(ctx, draft.appId, actions);
  const after = await commitChange(ctx, async (tx, log) => {
    const { draft: after, changed } = await transitionDraft(tx, orgId, draftId, OPEN_STATUSES, {
      status: "approved",
      sentText: text,
      decidedBy: ctx.actor.name,
      decidedAt: new Date(),
      decidedVia: surface,
      actions,
    });
    if (!changed || !after) throw alreadyDecided(draftId, after);
    await log.audit({
      action: "draft.approved",
      subject: draftId,
      traceId: draft.traceId,
      data: {
        edited: text !== draft.text,
        surface,
        actions: actions.filter((a) => a.approved).map((a) => a.action),
      },
    });
    await log.emit("support/draft.approved", {
      v: 1,
      orgId,
      appId: draft.appId,
      conversationId: draft.conversationId,
      draftId,
      auto: false,
    });
    return after;
  });
  return publicDraft(after);
}

/** Rejects a draft with a reason: the outcome counts against trust and the conversation goes to a person. */
export async function rejectDraft(ctx: ServiceContext, draftId: string, input: { reason: string }): Promise<DraftView> {
  const orgId = ctx.org.id;
  const surface = surfaceOf(ctx.actor);
  const reason = input.reason.trim();
  if (!reason) throw new AppError("invalid_input", "a reason is required to reject a draft");
  const draft = await requireOpen(ctx.db, orgId, draftId);
  const after = await commitChange(ctx, async (tx, log) => {
    const { draft: after, changed } = await transitionDraft(tx, orgId, draftId, OPEN_STATUSES, {
      status: "rejected",
      reason,
      decidedBy: ctx.actor.name,
      decidedAt: new Date(),
      decidedVia: surface,
    });
    if (!changed || !after) throw alreadyDecided(draftId, after);
    await insertOutcome(tx, {
      orgId,
      appId: draft.appId,
      draftId,
      category: draft.category,
      outcome: "rejected",
      overlapBp: null,
      wouldAutoSend: wouldAutoSend(draft),
      actor: ctx.actor.name,
      surface,
    });
    await updateConversation(tx, orgId, draft.conversationId, { status: "escalated" });
    await log.audit({ action: "draft.rejected", subject: draftId, traceId: draft.traceId, data: { reason, surface } });
    const ids = { v: 1 as const, orgId, appId: draft.appId, conversationId: draft.conversationId, draftId };
    await log.emit("support/draft.rejected", ids);
    await log.emit("support/conversation.escalated", ids);
    return after;
  });
  return publicDraft(after);
}

/** Hands the conversation to a person (a teammate's choice, or the sweep when the SLA ran out twice). */
export async function escalateDraft(
  ctx: ServiceContext,
  draftId: string,
  input: { reason?: string } = {},
): Promise<DraftView> {
  const orgId = ctx.org.id;
  const draft = await requireOpen(ctx.db, orgId, draftId);
  const after = await commitChange(ctx, async (tx, log) => {
    const { draft: after, changed } = await transitionDraft(tx, orgId, draftId, OPEN_STATUSES, {
      status: "escalated",
      reason: input.reason ?? "escalated by a teammate",
      decidedBy: ctx.actor.name,
      decidedAt: new Date(),
      decidedVia: surfaceOf(ctx.actor),
    });
    if (!changed || !after) throw alreadyDecided(draftId, after);
    await updateConversation(tx, orgId, draft.conversationId, { status: "escalated" });
    await log.audit({ action: "draft.escalated", subject: draftId, traceId: draft.traceId });
    await log.emit("support/conversation.escalated", {
      v: 1,
      orgId,
      appId: draft.appId,
      conversationId: draft.conversationId,
      draftId,
    });
    return after;
  });
  return publicDraft(after);
}
