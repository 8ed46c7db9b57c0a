import { createHash } from "node:crypto";
import { z } from "zod";
import {
  type DeliveryStatusUpdate,
  describeIssues,
  type InboundAttachment,
  type InboundMessage,
  InboundPayloadError,
  type NormalizedDelivery,
  parseJson,
} from "./normalized.js";

const media = z.object({
  id: z.string(),
  mime_type: z.string().optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
});

const message = z.looseObject({
  from: z.string(),
  id: z.string(),
  timestamp: z.string(),
  type: z.string(),
  text: z.object({ body: z.string() }).optional(),
  image: media.optional(),
  document: media.optional(),
  audio: media.optional(),
  video: media.optional(),
  sticker: media.optional(),
  location: z
    .object({
      latitude: z.number(),
      longitude: z.number(),
      name: z.string().optional(),
      address: z.string().optional(),
    })
    .optional(),
  contacts: z
    .array(
      z.looseObject({
        name: z.looseObject({ formatted_name: z.string().optional() }).optional(),
        phones: z.array(z.looseObject({ phone: z.string().optional() })).optional(),
      }),
    )
    .optional(),
  interactive: z
    .object({
      type: z.string(),
      button_reply: z.object({ id: z.string(), title: z.string() }).optional(),
      list_reply: z.object({ id: z.string(), title: z.string(), description: z.string().optional() }).optional(),
    })
    .optional(),
  button: z.object({ payload: z.string().optional(), text: z.string() }).optional(),
  reaction: z.object({ message_id: z.string(), emoji: z.string().optional() }).optional(),
});

const status = z.looseObject({
  id: z.string(),
  status: z.string(),
  timestamp: z.string(),
  recipient_id: z.string().optional(),
  errors: z.array(z.looseObject({ code: z.number().optional(), title: z.string().optional() })).optional(),
});

const payload = z.object({
  object: z.literal("whatsapp_business_account"),
  entry: z.array(
    z.object({
      id: z.string(),
      changes: z.array(
        z.object({
          field: z.string(),
          value: z.looseObject({
            metadata: z.looseObject({ phone_number_id: z.string() }).optional(),
            contacts: z
              .array(z.object({ wa_id: z.string(), profile: z.object({ name: z.string() }).optional() }))
              .optional(),
            messages: z.array(message).optional(),
            statuses: z.array(status).optional(),
          }),
        }),
      ),
    }),
  ),
});

type WhatsAppMessage = z.infer<typeof message>;

const STATUS_MAP: Record<string, DeliveryStatusUpdate["status"]> = {
  sent: "sent",
  delivered: "delivered",
  read: "read",
  failed: "failed",
};

function content(m: WhatsAppMessage): {
  text: string;
  attachments: InboundAttachment[];
  metadata?: Record<string, unknown>;
} {
  const mediaOf = (kind: "image" | "document" | "audio" | "video" | "sticker") => {
    const item = m[kind];
    if (!item) return undefined;
    return {
      text: item.caption ?? "",
      attachments: [{ mediaId: item.id, contentType: item.mime_type, name: item.filename, caption: item.caption }],
    };
  };
  switch (m.type) {
    case "text":
      return { text: m.text?.body ?? "", attachments: [] };
    case "image":
    case "document":
    case "audio":
    case "video":
    case "sticker":
      return mediaOf(m.type) ?? { text: "", attachments: [] };
    case "location": {
      const l = m.location;
      const place = [l?.name, l?.address].filter(Boolean).join(", ");
      return { text: place, attachments: [], metadata: { location: l } };
    }
    case "contacts": {
      const names = (m.contacts ?? []).map((c) =>
        [c.name?.formatted_name, ...(c.phones ?? []).map((p) => p.phone)].filter(Boolean).join(" "),
      );
      return { text: names.join("\n"), attachments: [], metadata: { contacts: m.contacts } };
    }
    case "interactive": {
      const reply = m.interactive?.button_reply ?? m.interactive?.list_reply;
      return { text: reply?.title ?? "", attachments: [], metadata: { interactive: m.interactive } };
    }
    case "button":
      return { text: m.button?.text ?? "", attachments: [], metadata: { button: m.button } };
    case "reaction":
      return { text: m.reaction?.emoji ?? "", attachments: [], metadata: { reaction: m.reaction } };
    default:
      return { text: "", attachments: [], metadata: { unsupported: m.type } };
  }
}

/**
 * One delivery may carry several entries, changes, messages and statuses; all are kept. The
 * delivery itself has no id, so the raw event is keyed by a hash of its bytes, and each message
 * is de-duplicated on its own `wamid`.
 */
export function parseWhatsApp(rawBody: string): NormalizedDelivery {
  const parsed = payload.safeParse(parseJson(rawBody));
  if (!parsed.success) throw new InboundPayloadError(describeIssues(parsed.error.issues));
  const messages: InboundMessage[] = [];
  const statuses: DeliveryStatusUpdate[] = [];
  for (const entry of parsed.data.entry) {
    for (const change of entry.changes) {
      if (change.field !== "messages") continue;
      const names = new Map((change.value.contacts ?? []).map((c) => [c.wa_id, c.profile?.name]));
      for (const m of change.value.messages ?? []) {
        const body = content(m);
        messages.push({
          externalId: m.id,
          conversationExternalId: m.from,
          direction: "inbound",
          authorKind: "customer",
          authorName: names.get(m.from),
          contact: { phone: `+${m.from.replace(/^\+/, "")}`, name: names.get(m.from) },
          kind: m.type,
          text: body.text,
          attachments: body.attachments,
          metadata: {
            ...body.metadata,
            phoneNumberId: change.value.metadata?.phone_number_id,
          },
          sentAt: new Date(Number(m.timestamp) * 1000),
        });
      }
      for (const s of change.value.statuses ?? []) {
        const mapped = STATUS_MAP[s.status];
        if (!mapped) continue;
        const error = s.errors?.map((e) => [e.code, e.title].filter(Boolean).join(" ")).join("; ");
        statuses.push({
          vendorMessageId: s.id,
          status: mapped,
          error: error || undefined,
          at: new Date(Number(s.timestamp) * 1000),
        });
      }
    }
  }
  const vendorEventId = `sha256:${createHash("sha256").update(rawBody).digest("hex")}`;
  const eventType = messages.length > 0 ? "messages" : statuses.length > 0 ? "statuses" : "other";
  return { vendorEventId, eventType, messages, changes: [], statuses };
}
