import { z } from "zod";
import {
  type ConversationChange,
  describeIssues,
  emptyDelivery,
  type InboundAttachment,
  type InboundContact,
  type InboundMessage,
  InboundPayloadError,
  type NormalizedDelivery,
  parseJson,
  stripHtml,
} from "./normalized.js";

const recipient = z.looseObject({ handle: z.string(), role: z.string(), name: z.string().nullish() });
const teammate = z.looseObject({
  id: z.string().optional(),
  email: z.string().optional(),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
});

/** A Front message, as the webhook preview or the full `GET /messages/:id` resource. */
export const frontMessage = z.looseObject({
  id: z.string(),
  type: z.string().optional(),
  is_inbound: z.boolean().optional(),
  created_at: z.number().optional(),
  blurb: z.string().optional(),
  subject: z.string().nullish(),
  body: z.string().optional(),
  text: z.string().nullish(),
  author: teammate.nullish(),
  recipients: z.array(recipient).optional(),
  attachments: z
    .array(
      z.looseObject({
        filename: z.string().optional(),
        url: z.string().optional(),
        content_type: z.string().optional(),
        size: z.number().optional(),
      }),
    )
    .optional(),
});
export type FrontMessage = z.infer<typeof frontMessage>;

const event = z.object({
  type: z.string(),
  payload: z
    .looseObject({
      id: z.string(),
      emitted_at: z.number().optional(),
      conversation: z.looseObject({
        id: z.string(),
        subject: z.string().nullish(),
        assignee: teammate.nullish(),
        recipient: recipient.nullish(),
      }),
      target: z.looseObject({ _meta: z.looseObject({ type: z.string() }).optional(), data: z.unknown() }).nullish(),
    })
    .optional(),
});

const comment = z.looseObject({
  id: z.string(),
  body: z.string(),
  author: teammate.nullish(),
  posted_at: z.number().optional(),
});
const tag = z.looseObject({ id: z.string().optional(), name: z.string() });

export const FRONT_MESSAGE_EVENTS = new Set(["inbound_received", "outbound_sent"]);
const HANDLED = new Set([...FRONT_MESSAGE_EVENTS, "new_comment_added", "assignee_changed", "tag_added"]);

function teammateName(t: z.infer<typeof teammate> | null | undefined): string | undefined {
  if (!t) return undefined;
  const name = [t.first_name, t.last_name].filter(Boolean).join(" ");
  return name || t.email || t.id;
}

/** The customer: for inbound mail the reply-to (or from) recipient, for outbound the `to`. */
function customerOf(m: FrontMessage, inbound: boolean): InboundContact {
  const roles = inbound ? ["reply-to", "from"] : ["to", "cc"];
  for (const role of roles) {
    const r = m.recipients?.find((x) => x.role === role);
    if (r) return handleToContact(r.handle, r.name ?? undefined);
  }
  return {};
}

function handleToContact(handle: string, name?: string): InboundContact {
  if (handle.includes("@")) return { email: handle.toLowerCase(), name };
  if (/^\+?\d[\d\s-]{5,}$/.test(handle)) return { phone: handle.replace(/[\s-]/g, ""), name };
  return { externalId: `front:${handle}`, name };
}

export function frontMessageToInbound(
  m: FrontMessage,
  conversation: { id: string; subject?: string | null },
  preview: boolean,
): InboundMessage {
  const inbound = m.is_inbound ?? true;
  const html = m.body;
  const text = m.text ?? (html ? stripHtml(html) : (m.blurb ?? ""));
  const attachments: InboundAttachment[] = (m.attachments ?? []).map((a) => ({
    name: a.filename,
    url: a.url,
    contentType: a.content_type,
    size: a.size,
  }));
  return {
    externalId: m.id,
    conversationExternalId: conversation.id,
    subject: m.subject ?? conversation.subject ?? undefined,
    direction: inbound ? "inbound" : "outbound",
    authorKind: inbound ? "customer" : "agent",
    authorName: inbound ? undefined : teammateName(m.author),
    contact: customerOf(m, inbound),
    kind: m.type ?? "email",
    text,
    html: html || undefined,
    attachments,
    metadata: { preview },
    sentAt: new Date((m.created_at ?? Date.now() / 1000) * 1000),
  };
}

export interface FrontEvent {
  type: string;
  delivery: NormalizedDelivery;
  /** The message to fetch in full through the Front API (previews carry only a part of it). */
  messageToFetch?: { id: string; conversation: { id: string; subject?: string | null } };
}

/**
 * Front application webhooks wrap an event preview: `{type, payload: {id, conversation, target}}`.
 * Unhandled types are acknowledged and ignored.
 */
export function parseFront(rawBody: string): FrontEvent {
  const parsed = event.safeParse(parseJson(rawBody));
  if (!parsed.success) throw new InboundPayloadError(describeIssues(parsed.error.issues));
  const { type, payload } = parsed.data;
  if (!HANDLED.has(type) || !payload) {
    return { type, delivery: emptyDelivery(payload?.id ?? `${type}:${Date.now()}`, type) };
  }
  const delivery = emptyDelivery(payload.id, type);
  const conversation = payload.conversation;
  const data = payload.target?.data;
  if (FRONT_MESSAGE_EVENTS.has(type)) {
    const m = frontMessage.safeParse(data);
    if (!m.success) throw new InboundPayloadError(`payload.target.data: ${describeIssues(m.error.issues)}`);
    delivery.messages.push(frontMessageToInbound(m.data, conversation, true));
    // A shared draft of ours that a teammate sent arrives as outbound_sent with the draft's id.
    if (type === "outbound_sent") {
      delivery.statuses.push({
        vendorMessageId: m.data.id,
        status: "sent",
        at: new Date((m.data.created_at ?? Date.now() / 1000) * 1000),
      });
    }
    return { type, delivery, messageToFetch: { id: m.data.id, conversation } };
  }
  if (type === "new_comment_added") {
    const c = comment.safeParse(data);
    if (!c.success) throw new InboundPayloadError(`payload.target.data: ${describeIssues(c.error.issues)}`);
    const contact = conversation.recipient ? handleToContact(conversation.recipient.handle) : {};
    delivery.messages.push({
      externalId: c.data.id,
      conversationExternalId: conversation.id,
      subject: conversation.subject ?? undefined,
      direction: "internal",
      authorKind: "agent",
      authorName: teammateName(c.data.author),
      contact,
      kind: "comment",
      text: c.data.body,
      attachments: [],
      sentAt: new Date((c.data.posted_at ?? payload.emitted_at ?? Date.now() / 1000) * 1000),
    });
    return { type, delivery };
  }
  const change: ConversationChange = { conversationExternalId: conversation.id };
  if (type === "assignee_changed") change.assignee = teammateName(conversation.assignee) ?? null;
  if (type === "tag_added") {
    const t = tag.safeParse(data);
    if (!t.success) throw new InboundPayloadError(`payload.target.data: ${describeIssues(t.error.issues)}`);
    change.tagAdded = t.data.name;
  }
  delivery.changes.push(change);
  return { type, delivery };
}
