import type { DraftRow } from "@support/db";

/** A draft as the API, CLI and dashboard show it: text, citations, gates and the decision that explains it. */
export function publicDraft(d: DraftRow) {
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
    createdAt: d.createdAt.toISOString(),
  };
}
export type PublicDraft = ReturnType<typeof publicDraft>;
