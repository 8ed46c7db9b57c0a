import { callVendor, joinUrl } from "./http.js";
import {
  type Delivery,
  DeliveryError,
  type OutboundDocument,
  type OutboundReply,
  type ReplyAdapter,
  type ReplyTarget,
  type SendOptions,
} from "./port.js";
import { type RetryPolicy, retryPolicy } from "./retry.js";

export interface WhatsAppTemplate {
  /** An approved message template of the WhatsApp Business account. */
  name: string;
  /** Its language code, e.g. `fr` or `en_US`. */
  language: string;
  /** Template components (header/body parameters), passed through as the Graph API expects them. */
  components?: unknown[];
}

export interface WhatsAppReplyConfig {
  accessToken: string;
  phoneNumberId: string;
  baseUrl?: string;
  apiVersion?: string;
  /** Sent instead of free text outside the 24-hour customer-service window. */
  template?: WhatsAppTemplate;
  retry?: Partial<RetryPolicy>;
  /** The guarded fetch the platform passes for the URLs a tenant set (ADR 0100). */
  fetch?: typeof fetch;
}

export const WHATSAPP_API_URL = "https://graph.facebook.com";
export const WHATSAPP_API_VERSION = "v21.0";
/** Free-form messages are allowed until 24 hours after the customer's last message. */
export const CUSTOMER_SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

interface GraphSendResponse {
  messages?: { id?: string }[];
}

interface GraphMediaResponse {
  id?: string;
}

export function isWithinServiceWindow(lastInboundAt: Date | null | undefined, now: Date = new Date()): boolean {
  return Boolean(lastInboundAt) && now.getTime() - (lastInboundAt as Date).getTime() < CUSTOMER_SERVICE_WINDOW_MS;
}

export function createWhatsAppReplyAdapter(config: WhatsAppReplyConfig): ReplyAdapter {
  const policy = retryPolicy(config.retry);
  const base = `/${config.apiVersion ?? WHATSAPP_API_VERSION}/${encodeURIComponent(config.phoneNumberId)}`;
  const url = joinUrl(config.baseUrl ?? WHATSAPP_API_URL, `${base}/messages`);
  const mediaUrl = joinUrl(config.baseUrl ?? WHATSAPP_API_URL, `${base}/media`);

  /**
   * Uploads a file with the Cloud API's media endpoint (multipart: messaging_product, type, file)
   * and returns its media id. FormData is encoded here so any fetch (the guarded one included)
   * sends the same bytes with its boundary.
   */
  async function uploadMedia(document: OutboundDocument): Promise<{ id: string; attempts: number }> {
    const form = new FormData();
    form.set("messaging_product", "whatsapp");
    form.set("type", document.mimeType);
    form.set("file", new Blob([new Uint8Array(document.bytes)], { type: document.mimeType }), document.fileName);
    const encoded = new Response(form);
    const body = new Uint8Array(await encoded.arrayBuffer());
    const { response, attempts } = await callVendor("WhatsApp", policy, {
      fetch: config.fetch,
      method: "POST",
      url: mediaUrl,
      headers: {
        authorization: `Bearer ${config.accessToken}`,
        "content-type": encoded.headers.get("content-type") ?? "multipart/form-data",
      },
      body,
    });
    const id = (response.json as GraphMediaResponse | undefined)?.id;
    if (!id) {
      throw new DeliveryError("vendor_rejected", "WhatsApp accepted the upload but returned no media id", {
        retriable: false,
        attempts,
      });
    }
    return { id, attempts };
  }

  return {
    channel: "whatsapp",
    sandbox: false,
    async sendReply(target: ReplyTarget, reply: OutboundReply, options: SendOptions): Promise<Delivery> {
      const to = (target.contact.phone ?? "").replace(/[^\d]/g, "");
      if (!to) {
        throw new DeliveryError("missing_recipient", "the contact has no phone number to send a WhatsApp message to", {
          retriable: false,
          attempts: 0,
        });
      }
      if (reply.document) documentWindowOpen(target);
      const upload = reply.document ? await uploadMedia(reply.document) : undefined;
      const content = upload ? documentContent(reply, upload.id) : messageContent(reply, target, config.template);
      const { response, attempts } = await callVendor("WhatsApp", policy, {
        fetch: config.fetch,
        method: "POST",
        url,
        headers: { authorization: `Bearer ${config.accessToken}` },
        // The Graph API has no idempotency header; the key travels as callback data and comes
        // back on every status webhook for this message.
        body: JSON.stringify({
          messaging_product: "whatsapp",
          recipient_type: "individual",
          to,
          ...content,
          biz_opaque_callback_data: options.idempotencyKey,
        }),
      });
      const id = (response.json as GraphSendResponse | undefined)?.messages?.[0]?.id ?? null;
      return { status: "sent", vendorMessageId: id, attempts: attempts + (upload?.attempts ?? 0), sandbox: false };
    },
  };
}

function messageContent(reply: OutboundReply, target: ReplyTarget, template: WhatsAppTemplate | undefined) {
  if (isWithinServiceWindow(target.lastInboundAt)) {
    return { type: "text", text: { preview_url: false, body: reply.text } };
  }
  if (!template) {
    throw new DeliveryError(
      "whatsapp_window_closed",
      "the customer last wrote more than 24 hours ago: WhatsApp only allows an approved template now, and none is configured for this channel",
      { retriable: false, attempts: 0 },
    );
  }
  return {
    type: "template",
    template: {
      name: template.name,
      language: { code: template.language },
      ...(template.components ? { components: template.components } : {}),
    },
  };
}

/** A document is a free-form message: checked before the upload, so a closed window uploads nothing. */
function documentWindowOpen(target: ReplyTarget): void {
  if (!isWithinServiceWindow(target.lastInboundAt)) {
    throw new DeliveryError(
      "whatsapp_window_closed",
      "the customer last wrote more than 24 hours ago: WhatsApp allows no document outside the customer-service window",
      { retriable: false, attempts: 0 },
    );
  }
}

/** A document message: the uploaded file, its name, and the reply as its caption. */
function documentContent(reply: OutboundReply, mediaId: string) {
  return {
    type: "document",
    document: { id: mediaId, filename: reply.document?.fileName, caption: reply.text },
  };
}
