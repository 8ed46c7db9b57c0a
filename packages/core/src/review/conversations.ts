import type { ConversationDetailView, ConversationView, MessageView, Page } from "@support/contract";
import {
  type Conversation,
  getContact,
  getConversation,
  listConversations,
  listDeliveriesForConversation,
  listInboundEventsByIds,
  listMessages,
  type Message,
} from "@support/db";
import { publicDelivery } from "../delivery/person-reply.js";
import { procedureRunViews } from "../procedures/run-views.js";
import type { ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import { requireApp } from "../tenancy/apps.js";

export function publicConversation(c: Conversation): ConversationView {
  return {
    id: c.id,
    appId: c.appId,
    contactId: c.contactId,
    channel: c.channelKind,
    externalId: c.externalId,
    subject: c.subject,
    status: c.status,
    assignee: c.assignee,
    takenOverBy: c.takenOverBy,
    tags: (c.tags as string[] | null) ?? [],
    lastMessageAt: c.lastMessageAt.toISOString(),
    createdAt: c.createdAt.toISOString(),
    procedureStatus: c.procedureStatus,
  };
}

export function publicMessage(m: Message): MessageView {
  return {
    id: m.id,
    direction: m.direction as MessageView["direction"],
    authorKind: m.authorKind,
    authorName: m.authorName,
    kind: m.kind,
    externalId: m.externalId,
    text: m.text,
    html: m.html,
    attachments: (m.attachments as unknown[] | null) ?? [],
    metadata: (m.metadata as Record<string, unknown> | null) ?? {},
    createdAt: m.createdAt.toISOString(),
  };
}

/** The organization's conversations, newest first, by app (id or slug), channel and status; any member. */
export async function listConversationViews(
  ctx: ServiceContext,
  filter: { app?: string; channel?: string; status?: string },
  page: { limit: number; cursor?: string },
): Promise<Page<ConversationView>> {
  const appId = filter.app ? (await requireApp(ctx, filter.app)).id : undefined;
  // open and closed are the conversation's own states; the others are where a procedure left it.
  const own = filter.status === "open" || filter.status === "closed";
  const result = await listConversations(
    ctx.db,
    ctx.org.id,
    {
      appId,
      channelKind: filter.channel,
      status: own ? filter.status : undefined,
      procedureStatus: own ? undefined : filter.status,
    },
    page,
  );
  return { data: result.data.map(publicConversation), nextCursor: result.nextCursor };
}

/** The conversation alone (no messages), or undefined when the organization has no such conversation. */
export async function findConversationView(
  ctx: ServiceContext,
  conversationId: string,
): Promise<ConversationView | undefined> {
  const conversation = await getConversation(ctx.db, ctx.org.id, conversationId);
  return conversation && publicConversation(conversation);
}

/** One conversation with its contact, its messages in order and what arrived on the wire. */
export async function conversationDetail(ctx: ServiceContext, id: string): Promise<ConversationDetailView> {
  const { db } = ctx;
  const orgId = ctx.org.id;
  const conversation = await getConversation(db, orgId, id);
  if (!conversation) throw new AppError("not_found", `conversation "${id}" not found`);
  const [contact, messages, deliveries, procedureRuns] = await Promise.all([
    getContact(db, orgId, conversation.contactId),
    listMessages(db, orgId, conversation.id),
    listDeliveriesForConversation(db, orgId, conversation.id),
    procedureRunViews(ctx, conversation.id),
  ]);
  const eventIds = [...new Set(messages.map((m) => m.inboundEventId).filter((x): x is string => Boolean(x)))];
  const rawEvents = await listInboundEventsByIds(db, orgId, eventIds);
  return {
    ...publicConversation(conversation),
    contact: contact
      ? {
          id: contact.id,
          name: contact.name,
          email: contact.email,
          phone: contact.phone,
          externalId: contact.externalId,
        }
      : null,
    messages: messages.map(publicMessage),
    deliveries: deliveries.map(publicDelivery),
    rawEvents: rawEvents.map((e) => ({
      id: e.id,
      channel: e.channelKind,
      vendorEventId: e.vendorEventId,
      eventType: e.eventType,
      status: e.status,
      reason: e.reason,
      bytes: Buffer.byteLength(e.payload),
      receivedAt: e.receivedAt.toISOString(),
    })),
    procedureRuns,
  };
}
