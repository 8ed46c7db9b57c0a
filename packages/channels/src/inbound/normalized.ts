import { Tokenizer } from "htmlparser2";

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
  /** The platform's stored copy (`stored_files`), when the bytes were received rather than linked. */
  fileId?: string;
  /** Bytes received inline (base64), until intake stores them and drops this field. */
  content?: string;
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

/** The longest vendor id stored (the columns are 200 characters in both dialects). */
export const MAX_VENDOR_ID_LENGTH = 200;

/** A signed delivery whose ids do not fit is refused whole (400), not truncated or half-stored. */
export function assertIdLengths(delivery: NormalizedDelivery): NormalizedDelivery {
  const ids = [
    ["event id", delivery.vendorEventId],
    ...delivery.messages.flatMap((m) => [
      ["message id", m.externalId],
      ["conversation id", m.conversationExternalId],
    ]),
    ...delivery.changes.map((c) => ["conversation id", c.conversationExternalId]),
    ...delivery.statuses.map((s) => ["message id", s.vendorMessageId]),
  ];
  for (const [what, id] of ids) {
    if ((id ?? "").length > MAX_VENDOR_ID_LENGTH) {
      throw new InboundPayloadError(`the ${what} is longer than ${MAX_VENDOR_ID_LENGTH} characters`);
    }
  }
  return delivery;
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

const SKIPPED = new Set(["script", "style", "head", "template"]);
const BLOCK_ENDS = new Set(["p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "table"]);
const ignore = () => {};

/**
 * HTML to the text a person reads, in one pass of htmlparser2's tokenizer: customer HTML is
 * untrusted, and the regexes this replaced backtracked quadratically on unclosed tags (ADR 0102).
 * The tokenizer, not htmlparser2's `Parser`: the parser keeps open elements with `Array.unshift`,
 * quadratic on deeply nested tags, and text needs no tree. Line breaks follow block ends.
 */
export function stripHtml(html: string): string {
  const out: string[] = [];
  let skipping = 0;
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, end) {
        const name = html.slice(start, end).toLowerCase();
        if (SKIPPED.has(name)) skipping++;
        else if (name === "br" && skipping === 0) out.push("\n");
      },
      onclosetag(start, end) {
        const name = html.slice(start, end).toLowerCase();
        if (SKIPPED.has(name)) skipping = Math.max(0, skipping - 1);
        else if (name === "br" || (BLOCK_ENDS.has(name) && skipping === 0)) out.push("\n");
      },
      ontext(start, end) {
        if (skipping === 0) out.push(html.slice(start, end));
      },
      ontextentity(codepoint) {
        if (skipping === 0) out.push(String.fromCodePoint(codepoint));
      },
      onattribdata: ignore,
      onattribentity: ignore,
      onattribend: ignore,
      onattribname: ignore,
      oncdata: ignore,
      oncomment: ignore,
      ondeclaration: ignore,
      onend: ignore,
      onopentagend: ignore,
      onprocessinginstruction: ignore,
      onselfclosingtag: ignore,
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  // `\n{3,}` has one quantifier and no alternation: it cannot backtrack.
  return out
    .join("")
    .replaceAll("\u00a0", " ")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
