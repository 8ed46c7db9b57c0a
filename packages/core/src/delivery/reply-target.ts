import type { ReplyTarget } from "@support/channels";
import { getContact, getConversation, listMessages } from "@support/db";
import type { ChannelKind } from "../intake/channel-config.js";
import type { ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";

/** What an adapter needs to answer a stored conversation: contact, threading and the WhatsApp window. */
export async function replyTargetFor(ctx: ServiceContext, conversationId: string): Promise<ReplyTarget> {
  const { db } = ctx;
  const orgId = ctx.org.id;
  const conversation = await getConversation(db, orgId, conversationId);
  if (!conversation) throw new AppError("not_found", `conversation "${conversationId}" not found`);
  const [contact, messages] = await Promise.all([
    getContact(db, orgId, conversation.contactId),
    listMessages(db, orgId, conversation.id),
  ]);
  const lastInbound = messages.filter((m) => m.direction === "inbound").at(-1);
  const threadIds = messages.map((m) => (m.metadata as { messageId?: string } | null)?.messageId).filter(Boolean);
  return {
    orgId,
    appId: conversation.appId,
    conversationId: conversation.id,
    channel: conversation.channelKind as ChannelKind,
    externalId: conversation.externalId,
    contact: { email: contact?.email, phone: contact?.phone, name: contact?.name },
    subject: conversation.subject,
    email: {
      lastMessageId: (lastInbound?.metadata as { messageId?: string } | null)?.messageId ?? null,
      references: threadIds as string[],
    },
    lastInboundAt: lastInbound?.createdAt ?? null,
  };
}
