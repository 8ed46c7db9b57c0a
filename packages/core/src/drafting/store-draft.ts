import { type DraftRow, findDraftForMessage, insertDraft } from "@support/db";
import { type ChangeLog, commitChange } from "../service/change.js";
import type { ServiceContext } from "../service/context.js";
import type { DraftPlan } from "./plan-draft.js";

export type StoredDraft = { kind: "drafted"; draft: DraftRow } | { kind: "existing"; draft: DraftRow };

/**
 * The draft already made for a message and attempt (0: the pipeline's; n: the nth a person asked
 * for): one per message and attempt, so a redelivered event plans nothing.
 */
export async function findStoredDraft(
  ctx: ServiceContext,
  messageId: string,
  attempt = 0,
): Promise<DraftRow | undefined> {
  return findDraftForMessage(ctx.db, ctx.org.id, messageId, attempt);
}

/**
 * The last step of drafting: stores the planned draft with its audit trail (triaged, created,
 * validated, decided) and its events in one transaction. The events say what happens next: an
 * approval request, an auto-approval (the reply is sent), or an escalation. A draft another run
 * stored for the same message meanwhile is returned instead.
 */
export async function storeDraft(
  ctx: ServiceContext,
  plan: Extract<DraftPlan, { kind: "planned" }>,
): Promise<StoredDraft> {
  return commitChange(ctx, async (tx, log): Promise<StoredDraft> => {
    const again = await findDraftForMessage(tx, ctx.org.id, plan.values.messageId, plan.values.attempt ?? 0);
    if (again) return { kind: "existing", draft: again };
    const created = await insertDraft(tx, plan.values);
    await auditTrail(log, created, plan.gatesPassed);
    const ids = {
      v: 1 as const,
      orgId: ctx.org.id,
      appId: created.appId,
      conversationId: created.conversationId,
      draftId: created.id,
    };
    const status = created.status;
    await log.emit("support/draft.created", { ...ids, status });
    if (status === "pending_approval" || status === "declined") await log.emit("support/approval.requested", ids);
    if (status === "approved") await log.emit("support/draft.approved", { ...ids, auto: true });
    if (status === "escalated") await log.emit("support/conversation.escalated", ids);
    return { kind: "drafted", draft: created };
  });
}

async function auditTrail(log: ChangeLog, draft: DraftRow, gatesPassed: boolean) {
  const base = { subject: draft.id, traceId: draft.traceId };
  const triage = draft.triage as { category: string; confidence: number; needsHuman: boolean };
  await log.audit({ ...base, action: "draft.triaged", data: triage });
  await log.audit({
    ...base,
    action: "draft.created",
    data: {
      conversationId: draft.conversationId,
      citations: (draft.citations as unknown[]).length,
      actions: ((draft.actions as { action: string }[] | null) ?? []).map((a) => a.action),
    },
  });
  await log.audit({ ...base, action: "draft.validated", data: { passed: gatesPassed } });
  const decision = draft.decision as { autoSend: boolean; wouldAutoSend: boolean; reasons: string[] };
  await log.audit({
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
