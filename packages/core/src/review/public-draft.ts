import { type Db, type DraftRow, listExecutionsForDraft } from "@support/db";
import type { CustomerRecord } from "../context/customer-record.js";
import type { DraftAction } from "../drafting/draft-actions.js";
import { type ExecutionView, executionView } from "../integrations/actions.js";

/**
 * A draft as the API, CLI, dashboard and Slack show it: text, citations, gates and the decision
 * that explains it; the product app's data on the customer with the calls that failed (for the
 * approver); the proposed actions and, once run, their executions.
 */
export function publicDraft(d: DraftRow, executions: ExecutionView[] = []) {
  return {
    id: d.id,
    appId: d.appId,
    conversationId: d.conversationId,
    messageId: d.messageId,
    status: d.status,
    category: d.category,
    text: d.text,
    sentText: d.sentText,
    citations: d.citations as { passageId: string; sourceId: string; title: string; url: string | null }[],
    triage: d.triage as Record<string, unknown>,
    gates: d.gates as { gate: string; passed: boolean; reason?: string; findings?: string[] }[],
    decision: d.decision as Record<string, unknown>,
    usage: d.usage as Record<string, unknown>[],
    traceId: d.traceId,
    deliveryId: d.deliveryId,
    decidedBy: d.decidedBy,
    decidedVia: d.decidedVia,
    decidedAt: d.decidedAt?.toISOString() ?? null,
    reason: d.reason,
    customer: (d.customer as CustomerRecord | null) ?? null,
    actions: (d.actions as DraftAction[] | null) ?? [],
    executions,
    createdAt: d.createdAt.toISOString(),
  };
}
export type PublicDraft = ReturnType<typeof publicDraft>;

/** `publicDraft` with the draft's action executions read from the database. */
export async function loadPublicDraft(db: Db, d: DraftRow): Promise<PublicDraft> {
  const rows = await listExecutionsForDraft(db, d.orgId, d.id);
  return publicDraft(d, rows.map(executionView));
}
