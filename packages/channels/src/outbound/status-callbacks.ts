import type { ReplyChannel } from "./port.js";

/** A vendor's report about a message we sent, in the form the delivery store applies. */
export interface VendorStatus {
  channelKind: ReplyChannel;
  vendorMessageId: string;
  status: "sent" | "delivered" | "read" | "failed";
  at: Date;
  reason?: string;
}

/** One element of `entry[].changes[].value.statuses[]` in a WhatsApp Cloud API webhook. */
export interface WhatsAppStatusObject {
  id: string;
  status: string;
  /** Unix seconds, as a string. */
  timestamp: string;
  recipient_id?: string;
  errors?: { code?: number; title?: string; message?: string; error_data?: { details?: string } }[];
}

const WHATSAPP_STATUSES = new Set(["sent", "delivered", "read", "failed"]);

/** Undefined for statuses that say nothing about delivery (e.g. `deleted`, `warning`). */
export function statusFromWhatsApp(status: WhatsAppStatusObject): VendorStatus | undefined {
  if (!WHATSAPP_STATUSES.has(status.status)) return undefined;
  const error = status.errors?.[0];
  const reason = error
    ? [error.code, error.title, error.error_data?.details ?? error.message].filter(Boolean).join(" ")
    : undefined;
  return {
    channelKind: "whatsapp",
    vendorMessageId: status.id,
    status: status.status as VendorStatus["status"],
    at: new Date(Number(status.timestamp) * 1000),
    ...(reason ? { reason } : {}),
  };
}

/** The part of a Front `outbound_sent` event that names the message sent (e.g. our shared draft). */
export interface FrontOutboundSentEvent {
  type: string;
  /** Unix seconds, possibly fractional. */
  emitted_at: number;
  target?: { _meta?: { type?: string }; data?: { id?: string } };
}

export function statusFromFrontOutboundSent(event: FrontOutboundSentEvent): VendorStatus | undefined {
  const id = event.target?.data?.id;
  if (event.type !== "outbound_sent" || !id) return undefined;
  return { channelKind: "front", vendorMessageId: id, status: "sent", at: new Date(event.emitted_at * 1000) };
}
