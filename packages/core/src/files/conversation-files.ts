import { getConversation, getStoredFile } from "@support/db";
import { requireRole, type ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";

/**
 * A file of one of the organization's conversations, for a member to download: the row is read
 * with the org id and must belong to that conversation, so another organization's file id (or a
 * file of another conversation) answers 404 like a missing one. Any member may read it.
 */
export async function readConversationFile(ctx: ServiceContext, conversationId: string, fileId: string) {
  requireRole(ctx, "agent");
  const conversation = await getConversation(ctx.db, ctx.org.id, conversationId);
  const file = conversation ? await getStoredFile(ctx.db, ctx.org.id, fileId) : undefined;
  if (!conversation || !file || file.conversationId !== conversation.id) {
    throw new AppError("not_found", "No such file in this conversation.");
  }
  const bytes = await ctx.ports.files.store.get(file.storageKey);
  if (!bytes) throw new AppError("not_found", "The file's content is gone (erased or never stored).");
  return { file, bytes };
}

/**
 * A member is typing a reply in the dashboard's composer: the customer's widget shows "a person
 * is typing" for a few seconds. Nothing is stored (ADR 0143); the dashboard sends this at most
 * every few seconds while the text changes.
 */
export async function signalTyping(ctx: ServiceContext, conversationId: string): Promise<void> {
  requireRole(ctx, "agent");
  const conversation = await getConversation(ctx.db, ctx.org.id, conversationId);
  if (!conversation) throw new AppError("not_found", `conversation "${conversationId}" not found`);
  ctx.ports.live.publish({
    kind: "person_typing",
    orgId: ctx.org.id,
    appId: conversation.appId,
    conversationId: conversation.id,
  });
}
