import { appendAudit, type Database, insertOutcome, listDraftsForConversation, transitionDraft } from "@support/db";

/** A human took over: pending drafts of the conversation are withdrawn (outcome `superseded`). */
export async function supersedePendingDrafts(
  database: Database,
  orgId: string,
  conversationId: string,
  reason: string,
): Promise<number> {
  const pending = (await listDraftsForConversation(database.db, orgId, conversationId)).filter(
    (d) => d.status === "pending_approval" || d.status === "declined",
  );
  let withdrawn = 0;
  for (const draft of pending) {
    await database.transaction(async (tx) => {
      const { changed } = await transitionDraft(tx, orgId, draft.id, ["pending_approval", "declined"], {
        status: "superseded",
        reason,
        decidedBy: "pipeline",
        decidedAt: new Date(),
        decidedVia: "channel",
      });
      if (!changed) return;
      withdrawn++;
      await insertOutcome(tx, {
        orgId,
        appId: draft.appId,
        draftId: draft.id,
        category: draft.category,
        outcome: "superseded",
        overlapBp: null,
        wouldAutoSend: Boolean((draft.decision as { wouldAutoSend?: boolean }).wouldAutoSend),
        actor: "pipeline",
        surface: "channel",
      });
      await appendAudit(tx, orgId, {
        actor: "pipeline",
        action: "draft.superseded",
        subject: draft.id,
        traceId: draft.traceId,
        data: { reason },
      });
    });
  }
  return withdrawn;
}
