/**
 * The outbound port: one way to send a reply, whatever the channel. Adapters are built from an
 * explicit configuration object (credentials, base URL) and never read the environment.
 */

export const REPLY_CHANNELS = ["front", "zendesk", "whatsapp", "email", "web", "generic", "widget"] as const;
export type ReplyChannel = (typeof REPLY_CHANNELS)[number];

/** The conversation as an adapter needs it to address a reply. */
export interface ReplyTarget {
  orgId: string;
  appId: string;
  /** Our conversation id. */
  conversationId: string;
  channel: ReplyChannel;
  /** The vendor's conversation or ticket id (Front `cnv_…`, Zendesk ticket number, email thread root). */
  externalId: string;
  contact: { email?: string | null; phone?: string | null; name?: string | null };
  subject?: string | null;
  /** Email threading: the Message-ID of the customer's last message and the References chain before it. */
  email?: { lastMessageId?: string | null; references?: string[] };
  /** When the customer last wrote to us: WhatsApp allows free text only within 24 hours of it. */
  lastInboundAt?: Date | null;
}

/** A file sent with a reply (a quote's PDF); the reply's text is its caption. */
export interface OutboundDocument {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

export interface OutboundReply {
  text: string;
  html?: string;
  /** Carried by the WhatsApp (as a document message) and email (as an attachment) adapters. */
  document?: OutboundDocument;
}

export interface SendOptions {
  /** Stable per reply: the same key must never reach the customer twice. */
  idempotencyKey: string;
}

/**
 * What the channel accepted. `queued` means the vendor holds it without sending yet (a Front
 * shared draft awaiting a teammate); a later status callback moves it on.
 */
export interface Delivery {
  status: "sent" | "queued";
  vendorMessageId: string | null;
  attempts: number;
  sandbox: boolean;
}

export interface ReplyAdapter {
  readonly channel: ReplyChannel;
  readonly sandbox: boolean;
  sendReply(target: ReplyTarget, reply: OutboundReply, options: SendOptions): Promise<Delivery>;
}

export type DeliveryErrorCode =
  | "vendor_rejected"
  | "retries_exhausted"
  | "rate_limited"
  | "timed_out"
  | "whatsapp_window_closed"
  | "missing_recipient"
  | "refused_address";

/** A send that did not go through. `retriable` tells the caller whether trying later may help. */
export class DeliveryError extends Error {
  readonly code: DeliveryErrorCode;
  readonly retriable: boolean;
  readonly attempts: number;
  readonly status?: number;

  constructor(
    code: DeliveryErrorCode,
    message: string,
    details: { retriable: boolean; attempts: number; status?: number },
  ) {
    super(message);
    this.name = "DeliveryError";
    this.code = code;
    this.retriable = details.retriable;
    this.attempts = details.attempts;
    this.status = details.status;
  }
}
