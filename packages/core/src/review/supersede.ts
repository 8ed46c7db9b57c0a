import { insertOutcome, listDraftsForConversation, transitionDraft } from "@support/db";
import { commitChange } from "../service/change.js";
import type { ServiceContext } from "../service/context.js";
import { OPEN_STATUSES, wouldAutoSend } from "./decisions.js";

/** A human took over: pending drafts of the conversation are withdrawn (outcome `superseded`). */
export async function supersedePendingDrafts(
  ctx: ServiceContext,
  conversationId: string,
  reason: string,
): Promise<number> {
  const orgId = ctx.org.id;
  const pending = (await listDraftsForConversation(ctx.db, orgId, conversationId)).filter((d) =>
    OPEN_STATUSES.includes(d.status),
  );
  let withdrawn = 0;
  for (const draft of pending) {
    await commitChange(ctx, async (tx, log) => {
      const { changed } = await transitionDraft(tx, orgId, draft.id, OPEN_STATUSES, {
        status: "superseded",
        reason,
        decidedBy: ctx.actor.name,
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
        wouldAutoSend: wouldAutoSend(draft),
        actor: ctx.actor.name,
        surface: "channel",
      });
      await log.audit({ action: "draft.superseded", subject: draft.id, traceId: draft.traceId, data: { reason } });
    });
  }
  return withdrawn;
}
