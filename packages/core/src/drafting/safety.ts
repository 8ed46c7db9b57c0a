import { listDraftsForConversation } from "@support/db";
import type { ServiceContext } from "../service/context.js";
import type { DraftAction } from "./draft-actions.js";

/**
 * The actions a person approved on this conversation's earlier drafts: with the draft's own
 * proposals, the only ones its reply may say were carried out (the action-claim gate, ADR 0090).
 */
export async function actionsTakenIn(ctx: ServiceContext, conversationId: string): Promise<string[]> {
  const drafts = await listDraftsForConversation(ctx.db, ctx.org.id, conversationId);
  return drafts
    .filter((d) => d.status === "approved" || d.status === "sent")
    .flatMap((d) => ((d.actions as DraftAction[] | null) ?? []).filter((a) => a.approved).map((a) => a.action));
}
