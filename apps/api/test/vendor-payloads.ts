import { signFront, signWhatsApp, signZendesk } from "@support/channels";

/** Payloads shaped like the vendors' documented samples, and their signature headers (the channels' signers). */

export function frontInbound(opts: { eventId: string; messageId: string; conversationId: string; blurb: string }) {
  return {
    type: "inbound_received",
    authorization: { id: "cmp_1" },
    payload: {
      _links: { self: `https://api2.frontapp.com/events/${opts.eventId}` },
      id: opts.eventId,
      type: "inbound",
      emitted_at: 1_732_000_000.5,
      conversation: {
        id: opts.conversationId,
        subject: "Refund for my order",
        status: "unassigned",
        assignee: null,
        recipient: { handle: "ada@example.com", role: "from" },
      },
      source: { _meta: { type: "inboxes" }, data: [{ id: "inb_1" }] },
      target: {
        _meta: { type: "message" },
        data: {
          _links: { self: `https://api2.frontapp.com/messages/${opts.messageId}` },
          id: opts.messageId,
          type: "email",
          is_inbound: true,
          created_at: 1_732_000_000,
          blurb: opts.blurb,
          author: null,
          recipients: [
            { handle: "support@acme.test", role: "to" },
            { handle: "ada@example.com", role: "from" },
          ],
        },
      },
    },
  };
}

export function frontSign(secret: string, body: string, timestampMs = Date.now()) {
  const ts = String(timestampMs);
  return {
    "x-front-request-timestamp": ts,
    "x-front-signature": signFront(body, ts, secret),
  };
}

export function zendeskSign(secret: string, body: string, at = new Date()) {
  const ts = at.toISOString();
  return {
    "x-zendesk-webhook-signature-timestamp": ts,
    "x-zendesk-webhook-signature": signZendesk(body, ts, secret),
  };
}

export function whatsappSign(secret: string, body: string) {
  return { "x-hub-signature-256": signWhatsApp(body, secret) };
}

export function whatsappDelivery(messages: unknown[], statuses: unknown[] = []) {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: "102290129340398",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "15550783881", phone_number_id: "106540352242922" },
              contacts: [{ profile: { name: "Rakoto" }, wa_id: "261341234567" }],
              ...(messages.length ? { messages } : {}),
              ...(statuses.length ? { statuses } : {}),
            },
          },
        ],
      },
    ],
  };
}
