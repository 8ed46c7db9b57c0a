import { createHash } from "node:crypto";
import { z } from "zod";
import {
  describeIssues,
  emptyDelivery,
  type InboundMessage,
  InboundPayloadError,
  type NormalizedDelivery,
  parseJson,
  stripHtml,
} from "./normalized.js";

const id = z.union([z.string(), z.number()]).transform(String);

/** Zendesk event-subscription webhooks (`zen:event-type:…`). */
const eventWebhook = z.object({
  type: z.string().startsWith("zen:event-type:"),
  id: z.string(),
  time: z.string().optional(),
  subject: z.string().optional(),
  detail: z.looseObject({
    id: id,
    subject: z.string().nullish(),
    description: z.string().nullish(),
    requester_id: id.nullish(),
    assignee_id: id.nullish(),
    status: z.string().nullish(),
    created_at: z.string().optional(),
  }),
  event: z.looseObject({}).optional(),
});

const ticketComment = z.looseObject({
  comment: z.looseObject({
    id: id,
    body: z.string(),
    is_public: z.boolean().optional(),
    author: z.looseObject({ id: id.optional(), name: z.string().optional(), is_staff: z.boolean().optional() }),
  }),
});

const messagingMessage = z.looseObject({
  actor: z.looseObject({ id: z.string(), name: z.string().optional(), type: z.string() }),
  conversation_id: z.string().optional(),
  message: z.looseObject({ id: z.string(), body: z.string() }),
});

/**
 * Our documented trigger/automation template (docs/channels.md): Zendesk fills it with
 * placeholders, so it carries the requester's email, which event subscriptions do not.
 */
const triggerWebhook = z.object({
  ticket: z.object({
    id: id,
    subject: z.string().optional(),
    requester: z.object({ name: z.string().optional(), email: z.string().email().optional() }),
    latest_public_comment: z.object({
      id: id.optional(),
      body: z.string().min(1),
      author_name: z.string().optional(),
      author_role: z.string().optional(),
      created_at: z.string().optional(),
    }),
  }),
});

const STAFF_ROLES = new Set(["agent", "admin"]);

function parseEventWebhook(body: z.infer<typeof eventWebhook>): NormalizedDelivery {
  const delivery = emptyDelivery(body.id, body.type);
  const ticketId = body.detail.id;
  const at = new Date(body.time ?? Date.now());
  const requester = body.detail.requester_id ? { externalId: `zendesk:${body.detail.requester_id}` } : {};
  const base = {
    conversationExternalId: ticketId,
    subject: body.detail.subject ?? undefined,
    contact: requester,
    attachments: [],
    sentAt: at,
  };
  const kind = body.type.slice("zen:event-type:".length);
  if (kind === "ticket.created" && body.detail.description) {
    delivery.messages.push({
      ...base,
      externalId: `ticket:${ticketId}:description`,
      direction: "inbound",
      authorKind: "customer",
      kind: "ticket",
      text: body.detail.description,
    });
  } else if (kind === "ticket.comment_added") {
    const parsed = ticketComment.safeParse(body.event);
    if (!parsed.success) throw new InboundPayloadError(`event: ${describeIssues(parsed.error.issues)}`);
    const c = parsed.data.comment;
    const staff = c.author.is_staff ?? false;
    delivery.messages.push({
      ...base,
      externalId: `comment:${c.id}`,
      direction: c.is_public === false ? "internal" : staff ? "outbound" : "inbound",
      authorKind: staff ? "agent" : "customer",
      authorName: c.author.name,
      kind: "comment",
      text: c.body,
    });
  } else if (kind === "messaging_ticket.message_added") {
    const parsed = messagingMessage.safeParse(body.event);
    if (!parsed.success) throw new InboundPayloadError(`event: ${describeIssues(parsed.error.issues)}`);
    const { actor, message } = parsed.data;
    // Only end users' messages are inbound; agents' are kept as outbound, bots' are ignored.
    if (actor.type === "end_user" || actor.type === "agent") {
      const customer = actor.type === "end_user";
      delivery.messages.push({
        ...base,
        contact: customer ? { externalId: `zendesk:${actor.id}`, name: actor.name } : requester,
        externalId: `messaging:${message.id}`,
        direction: customer ? "inbound" : "outbound",
        authorKind: customer ? "customer" : "agent",
        authorName: actor.name,
        kind: "chat",
        text: message.body,
      });
    }
  } else if (kind === "ticket.agent_assignment_changed") {
    delivery.changes.push({ conversationExternalId: ticketId, assignee: body.detail.assignee_id ?? null });
  } else if (kind === "ticket.status_changed") {
    const status = body.detail.status?.toLowerCase();
    if (status) {
      delivery.changes.push({
        conversationExternalId: ticketId,
        status: status === "solved" || status === "closed" ? "closed" : "open",
      });
    }
  }
  return delivery;
}

/** A tag opens somewhere and a `>` follows it: two linear scans (a `[\s\S]*` regex backtracked). */
function looksLikeHtml(body: string): boolean {
  const open = body.search(/<[a-z]/i);
  return open >= 0 && body.lastIndexOf(">") > open;
}

function parseTriggerWebhook(body: z.infer<typeof triggerWebhook>): NormalizedDelivery {
  const { ticket } = body;
  const c = ticket.latest_public_comment;
  const commentKey = c.id ?? createHash("sha256").update(c.body).digest("hex").slice(0, 32);
  const delivery = emptyDelivery(`trigger:${ticket.id}:${commentKey}`, "trigger");
  const staff = STAFF_ROLES.has((c.author_role ?? "").toLowerCase());
  const text = looksLikeHtml(c.body) ? stripHtml(c.body) : c.body;
  const message: InboundMessage = {
    externalId: `comment:${commentKey}`,
    conversationExternalId: ticket.id,
    subject: ticket.subject,
    direction: staff ? "outbound" : "inbound",
    authorKind: staff ? "agent" : "customer",
    authorName: c.author_name,
    contact: { email: ticket.requester.email?.toLowerCase(), name: ticket.requester.name },
    kind: "comment",
    text,
    attachments: [],
    sentAt: c.created_at && !Number.isNaN(Date.parse(c.created_at)) ? new Date(c.created_at) : new Date(),
  };
  delivery.messages.push(message);
  return delivery;
}

export function parseZendesk(rawBody: string): NormalizedDelivery {
  const json = parseJson(rawBody);
  const asEvent = eventWebhook.safeParse(json);
  if (asEvent.success) return parseEventWebhook(asEvent.data);
  const asTrigger = triggerWebhook.safeParse(json);
  if (asTrigger.success) return parseTriggerWebhook(asTrigger.data);
  const looksLikeEvent = typeof json === "object" && json !== null && "type" in json;
  const issues = looksLikeEvent ? asEvent.error.issues : asTrigger.error.issues;
  throw new InboundPayloadError(describeIssues(issues));
}
