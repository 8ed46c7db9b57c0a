import type { NormalizedDelivery } from "@support/channels";
import type { WidgetConversationView, WidgetMessageRequest, WidgetMessageView } from "@support/contract";
import {
  type Conversation,
  findConversationByExternalId,
  findMessageByExternalId,
  insertMessage,
  listMessages,
  type Message,
  updateConversation,
} from "@support/db";
import { recordWidgetRating } from "../csat/record.js";
import { attachmentOf } from "../files/store.js";
import { ingestDelivery } from "../intake/ingest.js";
import { commitChange } from "../service/change.js";
import { type Actor, serviceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import type { Platform } from "../service/ports.js";
import { attachToMessage, filesForMessage, widgetFilesOf } from "./files.js";
import { takeWidgetLimit } from "./limits.js";
import type { WidgetVisitor } from "./session.js";

/** How much of a conversation the widget loads: the latest messages, which is what a visitor scrolls. */
const HISTORY_LIMIT = 200;

/** The visitor acting through the widget, as audit rows name them. */
export function visitorActor(visitor: WidgetVisitor): Actor {
  return { kind: "visitor", role: "agent", name: `widget:${visitor.key}` };
}

export function visitorConversation(platform: Platform, visitor: WidgetVisitor): Promise<Conversation | undefined> {
  return findConversationByExternalId(platform.db, visitor.app.orgId, visitor.app.id, "widget", visitor.key);
}

/**
 * The contact a visitor's messages belong to. An identified visitor is the product's user (id and
 * the email the product vouched for), so the pipeline may look them up in the product app. An
 * anonymous visitor's email is only what they typed: it is kept on their messages, never put on
 * a contact, or typing someone else's address would merge them into that customer's record and
 * its purchases.
 */
function contactOf(visitor: WidgetVisitor) {
  if (visitor.userId) {
    return { externalId: visitor.userId, email: visitor.email ?? undefined, name: visitor.name ?? undefined };
  }
  return { externalId: `widget:${visitor.key}`, name: visitor.name ?? visitor.email ?? undefined };
}

function ratingOf(messages: Message[], id: string): "up" | "down" | null {
  const rated = messages.find((m) => m.kind === "rating" && m.externalId === `rating:${id}`);
  return ((rated?.metadata as { rating?: "up" | "down" } | null)?.rating ?? null) as "up" | "down" | null;
}

/** What the visitor sees of a message: theirs, the AI's (an approved or auto-sent draft) or a person's. */
function publicMessage(m: Message, all: Message[]): WidgetMessageView {
  const from = m.direction === "inbound" ? "visitor" : m.authorKind === "bot" ? "ai" : "person";
  return {
    id: m.id,
    from,
    // Approvers and pipeline names are internal; the visitor sees who answered only for a person.
    authorName: from === "person" && m.authorKind === "agent" ? m.authorName : null,
    text: m.text,
    createdAt: m.createdAt.toISOString(),
    rating: from === "visitor" ? null : ratingOf(all, m.id),
    attachments: widgetFilesOf(m),
  };
}

const visible = (m: Message) => m.direction === "inbound" || m.direction === "outbound";

/**
 * The visitor's messages after `afterId` (every one when absent), oldest first: the history the
 * widget shows, and what its event stream sends after a reconnect (`Last-Event-ID`). Message ids
 * sort in creation order (ADR 2), so "after" is a plain comparison.
 */
export async function widgetMessages(
  platform: Platform,
  visitor: WidgetVisitor,
  afterId?: string,
): Promise<{ conversation: Conversation | undefined; messages: WidgetMessageView[] }> {
  const conversation = await visitorConversation(platform, visitor);
  if (!conversation) return { conversation, messages: [] };
  const all = await listMessages(platform.db, visitor.app.orgId, conversation.id);
  const shown = all.filter((m) => visible(m) && (afterId === undefined || m.id > afterId)).slice(-HISTORY_LIMIT);
  return { conversation, messages: shown.map((m) => publicMessage(m, all)) };
}

/** The conversation as the widget opens it: the messages and whether a person is expected. */
export async function widgetHistory(platform: Platform, visitor: WidgetVisitor): Promise<WidgetConversationView> {
  const { conversation, messages } = await widgetMessages(platform, visitor);
  return { messages, state: stateOf(conversation) };
}

export function stateOf(conversation: Conversation | undefined): WidgetConversationView["state"] {
  if (!conversation) return "none";
  if (conversation.status === "closed") return "closed";
  const tags = (conversation.tags as string[] | null) ?? [];
  return tags.includes("person_requested") || conversation.takenOverBy ? "waiting_for_person" : "open";
}

/**
 * A visitor's message, stored through the same intake as every channel (raw event, contact,
 * conversation, message and `support/message.received` in one transaction), so triage, drafts,
 * approvals and analytics treat it like any other. The widget's id makes a resend a no-op.
 */
export async function postWidgetMessage(
  platform: Platform,
  visitor: WidgetVisitor,
  input: WidgetMessageRequest,
): Promise<WidgetMessageView> {
  if (!visitor.email) throw new AppError("invalid_input", "email: give an email address before the first message");
  takeWidgetLimit(platform, "visitor", visitor.app.id, visitor.key);
  const externalId = `widget:${input.id}`;
  const earlier = await visitorConversation(platform, visitor);
  const sent = earlier && (await findMessageByExternalId(platform.db, visitor.app.orgId, earlier.id, externalId));
  // Sending the same message again answers the stored one (its files are already attached).
  if (sent) return publicMessage(sent, []);
  const files = await filesForMessage(platform, visitor, input.attachments ?? []);
  const delivery: NormalizedDelivery = {
    vendorEventId: `${visitor.key}:${input.id}`,
    eventType: "widget.message",
    messages: [
      {
        externalId,
        conversationExternalId: visitor.key,
        direction: "inbound",
        authorKind: "customer",
        authorName: visitor.name ?? undefined,
        contact: contactOf(visitor),
        kind: "text",
        text: input.text,
        attachments: files.map(attachmentOf),
        // The plan picks the autonomy tier of the draft that answers this message.
        metadata: { widget: { plan: visitor.plan, email: visitor.email, identified: Boolean(visitor.userId) } },
        sentAt: new Date(),
      },
    ],
    changes: [],
    statuses: [],
  };
  const raw = { channel: "widget" as const, rawBody: JSON.stringify(input), headers: {} };
  const result = await ingestDelivery(platform.db, visitor.app, raw, delivery);
  platform.ports.counters.increment("webhook_accepted_total", { channel: "widget", outcome: result.status });
  if (result.events > 0) platform.ports.wake();
  const conversation = await visitorConversation(platform, visitor);
  const stored =
    conversation && (await findMessageByExternalId(platform.db, visitor.app.orgId, conversation.id, externalId));
  if (!stored) throw new AppError("internal", "the message was not stored");
  await attachToMessage(
    platform,
    visitor,
    files.map((f) => f.id),
    stored,
  );
  return publicMessage(stored, []);
}

/**
 * Thumbs up or down on a reply the visitor received, kept as an internal note on the conversation
 * (the team sees it in the thread; the visitor's history shows it on the reply). The first rating
 * of a reply stands: rating again answers the stored one.
 */
export async function rateWidgetReply(
  platform: Platform,
  visitor: WidgetVisitor,
  input: { messageId: string; rating: "up" | "down" },
): Promise<WidgetMessageView> {
  takeWidgetLimit(platform, "visitor", visitor.app.id, visitor.key);
  const conversation = await visitorConversation(platform, visitor);
  const all = conversation ? await listMessages(platform.db, visitor.app.orgId, conversation.id) : [];
  const reply = all.find((m) => m.id === input.messageId && m.direction === "outbound");
  if (!conversation || !reply) throw new AppError("not_found", "No such reply in this conversation.");
  const ctx = serviceContext(platform, visitor.app.orgId, visitorActor(visitor));
  const externalId = `rating:${reply.id}`;
  await commitChange(ctx, async (tx, log) => {
    if (await findMessageByExternalId(tx, visitor.app.orgId, conversation.id, externalId)) return;
    await insertMessage(tx, {
      orgId: visitor.app.orgId,
      conversationId: conversation.id,
      direction: "internal",
      authorKind: "customer",
      authorName: null,
      kind: "rating",
      externalId,
      text:
        input.rating === "up" ? "The customer found this reply helpful." : "The customer found this reply unhelpful.",
      html: null,
      attachments: null,
      metadata: { rating: input.rating, messageId: reply.id },
      inboundEventId: null,
      createdAt: new Date(),
    });
    await recordWidgetRating(tx, {
      orgId: visitor.app.orgId,
      appId: visitor.app.id,
      conversationId: conversation.id,
      messageId: reply.id,
      deliveryId: (reply.metadata as { deliveryId?: string } | null)?.deliveryId ?? null,
      rating: input.rating,
    });
    await log.audit({
      action: "widget.reply_rated",
      subject: conversation.id,
      data: { messageId: reply.id, rating: input.rating },
    });
  });
  const after = await listMessages(platform.db, visitor.app.orgId, conversation.id);
  return publicMessage(reply, after);
}

/**
 * "Talk to a person": the conversation is escalated like any other (the dashboard's "Needs
 * attention", Slack, and the app's handoff notice to the visitor), once while it stays open.
 */
export async function requestPerson(platform: Platform, visitor: WidgetVisitor): Promise<WidgetConversationView> {
  takeWidgetLimit(platform, "visitor", visitor.app.id, visitor.key);
  const conversation = await visitorConversation(platform, visitor);
  if (!conversation) throw new AppError("conflict", "Write your question first: a person will answer it.");
  const tags = (conversation.tags as string[] | null) ?? [];
  if (!tags.includes("person_requested")) {
    const ctx = serviceContext(platform, visitor.app.orgId, visitorActor(visitor));
    await commitChange(ctx, async (tx, log) => {
      await updateConversation(tx, visitor.app.orgId, conversation.id, {
        tags: [...tags, "person_requested"],
        status: "open",
        closedAt: null,
      });
      await log.audit({ action: "widget.person_requested", subject: conversation.id });
      await log.emit("support/conversation.escalated", {
        v: 1,
        orgId: visitor.app.orgId,
        appId: visitor.app.id,
        conversationId: conversation.id,
      });
    });
  }
  return widgetHistory(platform, visitor);
}
