import { insertOutcome, listDraftsForConversation, listMessages, transitionDraft } from "@support/db";
import { draftDiff } from "@support/decisions";
import { commitChange } from "../service/change.js";
import type { ServiceContext } from "../service/context.js";
import { OPEN_STATUSES, wouldAutoSend } from "./decisions.js";

/**
 * A teammate answered in the channel (Front `outbound_sent`, a Zendesk agent comment) while our
 * draft waited: the draft is withdrawn and its outcome is the diff between the draft and what the
 * teammate actually sent, so a reply copied from our draft still earns trust. The teammate is
 * the actor of that change, whoever runs it.
 */
export async function recordTeammateReply(
  ctx: ServiceContext,
  conversationId: string,
  messageId: string,
): Promise<{ draftId: string; outcome: string }[]> {
  const orgId = ctx.org.id;
  const reply = (await listMessages(ctx.db, orgId, conversationId)).find((m) => m.id === messageId);
  if (reply?.direction !== "outbound" || reply.authorKind !== "agent") return [];
  const teammate = reply.authorName ?? "teammate";
  const asTeammate: ServiceContext = { ...ctx, actor: { ...ctx.actor, name: teammate } };
  const open = (await listDraftsForConversation(ctx.db, orgId, conversationId)).filter(
    (d) => d.status === "pending_approval" || (d.status === "declined" && d.text),
  );
  const recorded: { draftId: string; outcome: string }[] = [];
  for (const draft of open) {
    const diff = draftDiff(draft.text, reply.text);
    await commitChange(asTeammate, async (tx, log) => {
      const { changed } = await transitionDraft(tx, orgId, draft.id, OPEN_STATUSES, {
        status: "superseded",
        sentText: reply.text,
        decidedBy: teammate,
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
        wouldAutoSend: wouldAutoSend(draft),
        actor: teammate,
        surface: "channel",
      });
      await log.audit({
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
