import type { InboundMessage, NormalizedDelivery } from "@support/channels";
import {
  type App,
  type Conversation,
  type Database,
  type Db,
  findConversationByExternalId,
  findConversationByMessageIds,
  findInboundEvent,
  findMessageByExternalId,
  insertConversation,
  insertInboundEvent,
  insertMessage,
  isUniqueViolation,
  updateConversation,
  upsertContact,
} from "@support/db";
import { type EventData, emit } from "../events.js";
import { safeAttachments } from "./attachments.js";
import type { ChannelKind } from "./channel-config.js";

export interface RawDelivery {
  channel: ChannelKind;
  /** The body exactly as received. */
  rawBody: string;
  /** A few non-secret headers worth keeping (never signatures or authorization). */
  headers: Record<string, string>;
}

export interface IngestResult {
  status: "stored" | "duplicate";
  inboundEventId: string;
  messageIds: string[];
  /** Messages skipped because their vendor id was already stored (a redelivery inside a batch). */
  duplicateMessages: number;
  events: number;
}

/** Hook for delivery-status callbacks (WhatsApp statuses); the replies service plugs in here. */
export type DeliveryStatusSink = (
  tx: Db,
  app: App,
  channel: ChannelKind,
  status: NormalizedDelivery["statuses"][number],
) => Promise<boolean>;

/**
 * Stores one verified delivery in one transaction: the raw event (idempotent on the vendor's
 * event id), contacts, conversations, messages (idempotent on the vendor's message id) and
 * the outbox events that will start the pipeline. Either all of it commits or none of it does.
 */
export async function ingestDelivery(
  database: Database,
  app: App,
  raw: RawDelivery,
  delivery: NormalizedDelivery,
  options: { onDeliveryStatus?: DeliveryStatusSink } = {},
): Promise<IngestResult> {
  const work = (tx: Db) => storeDelivery(tx, app, raw, delivery, options.onDeliveryStatus);
  try {
    return await database.transaction(work);
  } catch (error) {
    // Two concurrent redeliveries race on the unique keys; the loser retries and sees the winner.
    // Only a unique violation is that race: any other failure (a NOT NULL, a lost connection) is a
    // real error and propagates.
    if (isUniqueViolation(error)) return database.transaction(work);
    throw error;
  }
}

async function storeDelivery(
  tx: Db,
  app: App,
  raw: RawDelivery,
  delivery: NormalizedDelivery,
  onDeliveryStatus: DeliveryStatusSink | undefined,
): Promise<IngestResult> {
  const existing = await findInboundEvent(tx, app.id, raw.channel, delivery.vendorEventId);
  if (existing) {
    return { status: "duplicate", inboundEventId: existing.id, messageIds: [], duplicateMessages: 0, events: 0 };
  }
  const hasContent = delivery.messages.length + delivery.changes.length + delivery.statuses.length > 0;
  const inbound = await insertInboundEvent(tx, {
    orgId: app.orgId,
    appId: app.id,
    channelKind: raw.channel,
    vendorEventId: delivery.vendorEventId,
    eventType: delivery.eventType.slice(0, 100),
    headers: raw.headers,
    payload: raw.rawBody,
    status: hasContent ? "stored" : "ignored",
    reason: hasContent ? null : `event type "${delivery.eventType}" is acknowledged and not processed`,
  });
  const result: IngestResult = {
    status: "stored",
    inboundEventId: inbound.id,
    messageIds: [],
    duplicateMessages: 0,
    events: 0,
  };
  for (const message of delivery.messages) {
    const conversation = await resolveConversation(tx, app, raw.channel, message);
    if (await findMessageByExternalId(tx, app.orgId, conversation.id, message.externalId)) {
      result.duplicateMessages += 1;
      continue;
    }
    const stored = await insertMessage(tx, {
      orgId: app.orgId,
      conversationId: conversation.id,
      direction: message.direction,
      authorKind: message.authorKind,
      authorName: message.authorName?.slice(0, 200) ?? null,
      kind: message.kind.slice(0, 16),
      externalId: message.externalId,
      text: message.text,
      html: message.html ?? null,
      attachments: message.attachments.length ? safeAttachments(message.attachments) : null,
      metadata: message.metadata ?? null,
      inboundEventId: inbound.id,
      createdAt: message.sentAt,
    });
    const reopen = message.direction === "inbound" && conversation.status === "closed";
    await updateConversation(tx, app.orgId, conversation.id, {
      lastMessageAt: new Date(Math.max(message.sentAt.getTime(), conversation.lastMessageAt.getTime())),
      ...(reopen ? { status: "open", closedAt: null } : {}),
    });
    await emit(tx, "support/message.received", {
      v: 1,
      orgId: app.orgId,
      appId: app.id,
      conversationId: conversation.id,
      messageId: stored.id,
      channel: raw.channel,
      direction: message.direction,
      authorKind: message.authorKind,
    });
    result.messageIds.push(stored.id);
    result.events += 1;
  }
  for (const change of delivery.changes) {
    const conversation = await findConversationByExternalId(
      tx,
      app.orgId,
      app.id,
      raw.channel,
      change.conversationExternalId,
    );
    if (!conversation) continue;
    const tags = (conversation.tags as string[] | null) ?? [];
    const patch: Parameters<typeof updateConversation>[3] = {};
    const changed: EventData<"support/conversation.updated">["changes"] = [];
    if (change.assignee !== undefined) {
      patch.assignee = change.assignee;
      changed.push("assignee");
    }
    if (change.tagAdded && !tags.includes(change.tagAdded)) {
      patch.tags = [...tags, change.tagAdded];
      changed.push("tags");
    }
    if (change.status) {
      patch.status = change.status;
      // Closing again (Zendesk "solved", then "closed") keeps the first close: that is when it was resolved.
      if (change.status !== conversation.status) patch.closedAt = change.status === "closed" ? new Date() : null;
      changed.push("status");
    }
    if (changed.length === 0) continue;
    await updateConversation(tx, app.orgId, conversation.id, patch);
    await emit(tx, "support/conversation.updated", {
      v: 1,
      orgId: app.orgId,
      appId: app.id,
      conversationId: conversation.id,
      channel: raw.channel,
      changes: changed,
    });
    result.events += 1;
  }
  for (const status of delivery.statuses) {
    if (!(await onDeliveryStatus?.(tx, app, raw.channel, status))) continue;
    await emit(tx, "support/delivery.updated", {
      v: 1,
      orgId: app.orgId,
      appId: app.id,
      channel: raw.channel,
      vendorMessageId: status.vendorMessageId,
      status: status.status,
    });
    result.events += 1;
  }
  return result;
}

async function resolveConversation(
  tx: Db,
  app: App,
  channel: ChannelKind,
  message: InboundMessage,
): Promise<Conversation> {
  if (channel === "email" && message.references?.length) {
    const thread = await findConversationByMessageIds(tx, app.orgId, app.id, channel, message.references);
    if (thread) return thread;
  }
  const found = await findConversationByExternalId(tx, app.orgId, app.id, channel, message.conversationExternalId);
  if (found) return found;
  const contact = await upsertContact(tx, app.orgId, app.id, message.contact);
  return insertConversation(tx, {
    orgId: app.orgId,
    appId: app.id,
    contactId: contact.id,
    channelKind: channel,
    externalId: message.conversationExternalId.slice(0, 200),
    subject: message.subject?.slice(0, 500) ?? null,
    status: "open",
    assignee: null,
    tags: null,
    lastMessageAt: message.sentAt,
    closedAt: null,
  });
}

/** Records a signed delivery we could not use, so it can be inspected (400 to the sender). */
export async function recordRejectedDelivery(
  database: Database,
  app: App,
  raw: RawDelivery,
  vendorEventId: string,
  reason: string,
): Promise<void> {
  const db = database.db;
  if (await findInboundEvent(db, app.id, raw.channel, vendorEventId)) return;
  try {
    await insertInboundEvent(db, {
      orgId: app.orgId,
      appId: app.id,
      channelKind: raw.channel,
      vendorEventId,
      eventType: "rejected",
      headers: raw.headers,
      payload: raw.rawBody,
      status: "rejected",
      reason: reason.slice(0, 1000),
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}
