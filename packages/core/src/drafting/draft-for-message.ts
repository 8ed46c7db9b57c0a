import { appendAudit, type Db, type DraftRow, findDraftForMessage, insertDraft } from "@support/db";
import type { GatheredContext } from "../context/gather-step.js";
import { emit } from "../events.js";
import { supersedePendingDrafts } from "../review/supersede.js";
import type { PipelineDeps } from "../service/ports.js";
import { noopTracer } from "../service/tracing.js";
import { planDraft } from "./plan-draft.js";

export type DraftAttempt =
  | { kind: "drafted"; draft: DraftRow }
  | { kind: "existing"; draft: DraftRow }
  | { kind: "skipped"; reason: string };

export interface DraftForMessageInput {
  orgId: string;
  conversationId: string;
  messageId: string;
  /** The workflow's memoized gather step; without it the plan gathers for itself. */
  gathered?: GatheredContext;
}

/**
 * The pipeline for one customer message: plan (guard, triage, gather, retrieve, draft, validate,
 * propose actions, score trust, decide), then store. One draft per message (re-running returns
 * the stored one); the draft, its audit trail and its events are written in one transaction.
 */
export async function draftForMessage(deps: PipelineDeps, input: DraftForMessageInput): Promise<DraftAttempt> {
  const tracer = deps.tracer ?? noopTracer;
  const { gathered: _memoized, ...ids } = input;
  return tracer.observe("pipeline.draft", "span", ids, async (run) => {
    const attempt = await draftAndStore(deps, input);
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

async function draftAndStore(deps: PipelineDeps, input: DraftForMessageInput): Promise<DraftAttempt> {
  const existing = await findDraftForMessage(deps.database.db, input.orgId, input.messageId);
  if (existing) return { kind: "existing", draft: existing };
  const plan = await planDraft(deps, deps.tracer ?? noopTracer, input);
  if (plan.kind === "skipped") {
    if (plan.humanTookOver) await supersedePendingDrafts(deps.database, input.orgId, input.conversationId, plan.reason);
    return { kind: "skipped", reason: plan.reason };
  }
  const row = await deps.database.transaction(async (tx) => {
    const again = await findDraftForMessage(tx, input.orgId, input.messageId);
    if (again) return { row: again, created: false };
    const created = await insertDraft(tx, plan.values);
    await auditTrail(tx, created, plan.gatesPassed);
    const ids = {
      v: 1 as const,
      orgId: input.orgId,
      appId: created.appId,
      conversationId: created.conversationId,
      draftId: created.id,
    };
    const status = created.status;
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
    data: {
      conversationId: draft.conversationId,
      citations: (draft.citations as unknown[]).length,
      actions: ((draft.actions as { action: string }[] | null) ?? []).map((a) => a.action),
    },
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
