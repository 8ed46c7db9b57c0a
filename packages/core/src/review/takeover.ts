import type { ConversationView } from "@support/contract";
import { getConversation, updateConversation } from "@support/db";
import { commitChange } from "../service/change.js";
import { requireRole, type ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import { publicConversation } from "./conversations.js";
import { supersedePendingDrafts } from "./supersede.js";

/**
 * A person takes the conversation over: the AI drafts nothing on it (the drafting guard reads
 * `takenOverBy`) until it is released, and its pending drafts are withdrawn at once. Taking over
 * a conversation someone else holds moves it to the caller; the audit names both.
 */
export async function takeOverConversation(ctx: ServiceContext, conversationId: string): Promise<ConversationView> {
  const view = await setTakenOver(ctx, conversationId, ctx.actor.name);
  await supersedePendingDrafts(ctx, conversationId, `taken over by ${ctx.actor.name}`);
  return view;
}

/** Hands the conversation back to the AI: the next customer message is drafted again. */
export function releaseConversation(ctx: ServiceContext, conversationId: string): Promise<ConversationView> {
  return setTakenOver(ctx, conversationId, null);
}

async function setTakenOver(
  ctx: ServiceContext,
  conversationId: string,
  takenOverBy: string | null,
): Promise<ConversationView> {
  requireRole(ctx, "agent");
  const orgId = ctx.org.id;
  return commitChange(ctx, async (tx, log) => {
    const before = await getConversation(tx, orgId, conversationId);
    if (!before) throw new AppError("not_found", `conversation "${conversationId}" not found`);
    if (before.takenOverBy === takenOverBy) return publicConversation(before);
    await updateConversation(tx, orgId, conversationId, { takenOverBy });
    await log.audit({
      action: takenOverBy ? "conversation.taken_over" : "conversation.released",
      subject: conversationId,
      data: { from: before.takenOverBy, to: takenOverBy },
    });
    await log.emit("support/conversation.taken_over", {
      v: 1,
      orgId,
      appId: before.appId,
      conversationId,
      takenOverBy,
    });
    return publicConversation({ ...before, takenOverBy });
  });
}
