import {
  appendAudit,
  type Database,
  insertOutcome,
  listDraftsForConversation,
  listMessages,
  transitionDraft,
} from "@support/db";
import { draftDiff } from "@support/decisions";

/**
 * A teammate answered in the channel (Front `outbound_sent`, a Zendesk agent comment) while our
 * draft waited: the draft is withdrawn and its outcome is the diff between the draft and what the
 * teammate actually sent, so a reply copied from our draft still earns trust.
 */
export async function recordTeammateReply(
  database: Database,
  orgId: string,
  conversationId: string,
  messageId: string,
): Promise<{ draftId: string; outcome: string }[]> {
  const reply = (await listMessages(database.db, orgId, conversationId)).find((m) => m.id === messageId);
  if (reply?.direction !== "outbound" || reply.authorKind !== "agent") return [];
  const open = (await listDraftsForConversation(database.db, orgId, conversationId)).filter(
    (d) => d.status === "pending_approval" || (d.status === "declined" && d.text),
  );
  const recorded: { draftId: string; outcome: string }[] = [];
  for (const draft of open) {
    const diff = draftDiff(draft.text, reply.text);
    await database.transaction(async (tx) => {
      const { changed } = await transitionDraft(tx, orgId, draft.id, ["pending_approval", "declined"], {
        status: "superseded",
        sentText: reply.text,
        decidedBy: reply.authorName ?? "teammate",
        decidedAt: reply.createdAt,
        decidedVia: "channel",
        reason: "a teammate replied in the channel",
      });
      if (!changed) return;
      await insertOutcome(tx, {
        orgId,
        appId: draft.appId,
        draftId: draft.id,
        category: draft.category,
        outcome: diff.outcome,
        overlapBp: Math.round(diff.overlap * 10_000),
        wouldAutoSend: Boolean((draft.decision as { wouldAutoSend?: boolean }).wouldAutoSend),
        actor: reply.authorName ?? "teammate",
        surface: "channel",
      });
      await appendAudit(tx, orgId, {
        actor: reply.authorName ?? "teammate",
        action: "draft.answered_in_channel",
        subject: draft.id,
        traceId: draft.traceId,
        data: { outcome: diff.outcome, overlap: diff.overlap },
      });
      recorded.push({ draftId: draft.id, outcome: diff.outcome });
    });
  }
  return recorded;
}
