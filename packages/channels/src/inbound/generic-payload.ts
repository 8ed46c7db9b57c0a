import { z } from "zod";
import { describeIssues, InboundPayloadError, type NormalizedDelivery, parseJson } from "./normalized.js";

const attachment = z.object({
  name: z.string().max(500).optional(),
  /** The SDK's spelling of `name`; either is accepted. */
  filename: z.string().max(500).optional(),
  contentType: z.string().max(200).optional(),
  size: z.number().int().nonnegative().optional(),
  url: z.string().url().optional(),
});

/** The generic webhook body (BRIEF §4); the SDK's client sends exactly this. */
export const genericMessageSchema = z.object({
  type: z.literal("message.received"),
  id: z.string().min(1).max(200),
  customer: z
    .object({
      email: z.string().email().optional(),
      phone: z.string().min(3).max(32).optional(),
      name: z.string().max(200).optional(),
      externalId: z.string().min(1).max(200).optional(),
    })
    .refine((c) => c.email || c.phone || c.externalId, "customer needs an email, a phone or an externalId"),
  conversation: z
    .object({ externalId: z.string().min(1).max(200), subject: z.string().max(500).optional() })
    .optional(),
  message: z.object({
    text: z.string().min(1).max(100_000),
    html: z.string().max(500_000).optional(),
    attachments: z.array(attachment).max(50).optional(),
  }),
});

export function parseGeneric(rawBody: string): NormalizedDelivery {
  const parsed = genericMessageSchema.safeParse(parseJson(rawBody));
  if (!parsed.success) throw new InboundPayloadError(describeIssues(parsed.error.issues));
  const body = parsed.data;
  return {
    vendorEventId: body.id,
    eventType: body.type,
    messages: [
      {
        externalId: body.id,
        // Without a conversation, each message starts its own.
        conversationExternalId: body.conversation?.externalId ?? `message:${body.id}`,
        subject: body.conversation?.subject,
        direction: "inbound",
        authorKind: "customer",
        authorName: body.customer.name,
        contact: { ...body.customer, email: body.customer.email?.toLowerCase() },
        kind: "text",
        text: body.message.text,
        html: body.message.html,
        attachments: (body.message.attachments ?? []).map(({ filename, ...a }) => ({ ...a, name: a.name ?? filename })),
        sentAt: new Date(),
      },
    ],
    changes: [],
    statuses: [],
  };
}
