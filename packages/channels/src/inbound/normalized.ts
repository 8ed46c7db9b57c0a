/**
 * What every channel's payload is turned into before it is stored: vendor shapes end here.
 */
export type Direction = "inbound" | "outbound" | "internal";
export type AuthorKind = "customer" | "agent" | "bot" | "system";

export interface InboundContact {
  email?: string;
  phone?: string;
  name?: string;
  externalId?: string;
}

export interface InboundAttachment {
  name?: string;
  contentType?: string;
  size?: number;
  url?: string;
  mediaId?: string;
  caption?: string;
}

export interface InboundMessage {
  externalId: string;
  conversationExternalId: string;
  subject?: string;
  direction: Direction;
  authorKind: AuthorKind;
  authorName?: string;
  /** The customer of the conversation (the sender of inbound messages, the recipient otherwise). */
  contact: InboundContact;
  kind: string;
  text: string;
  html?: string;
  attachments: InboundAttachment[];
  metadata?: Record<string, unknown>;
  sentAt: Date;
  /** Email threading: message-ids this one answers, newest last. */
  references?: string[];
}

export interface ConversationChange {
  conversationExternalId: string;
  assignee?: string | null;
  tagAdded?: string;
  status?: "open" | "closed";
}

export interface DeliveryStatusUpdate {
  vendorMessageId: string;
  status: "sent" | "delivered" | "read" | "failed";
  error?: string;
  at: Date;
}

export interface NormalizedDelivery {
  vendorEventId: string;
  eventType: string;
  messages: InboundMessage[];
  changes: ConversationChange[];
  statuses: DeliveryStatusUpdate[];
}

/** A signed payload whose shape we cannot use: answered 400 and kept as `rejected`. */
export class InboundPayloadError extends Error {
  readonly code = "invalid_payload";
}

export function emptyDelivery(vendorEventId: string, eventType: string): NormalizedDelivery {
  return { vendorEventId, eventType, messages: [], changes: [], statuses: [] };
}

export function parseJson(rawBody: string): unknown {
  try {
    return JSON.parse(rawBody);
  } catch {
    throw new InboundPayloadError("the body is not valid JSON");
  }
}

export function describeIssues(issues: { path: PropertyKey[]; message: string }[]): string {
  const first = issues[0];
  if (!first) return "the payload has an unknown shape";
  const path = first.path.map(String).join(".");
  return path ? `${path}: ${first.message}` : first.message;
}

export function stripHtml(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, "")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|li|h[1-6]|tr)>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
