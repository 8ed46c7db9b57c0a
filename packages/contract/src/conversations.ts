import { z } from "@hono/zod-openapi";
import { pageQuery } from "./common.js";
import { CONVERSATION_FILTER_STATUSES, procedureRunSchema } from "./procedure-runs.js";

export const conversationSchema = z
  .object({
    id: z.string(),
    appId: z.string(),
    contactId: z.string(),
    channel: z.string(),
    externalId: z.string(),
    subject: z.string().nullable(),
    status: z.string(),
    assignee: z.string().nullable(),
    takenOverBy: z
      .string()
      .nullable()
      .openapi({ description: "Who took the conversation over; the AI drafts nothing on it until released" }),
    tags: z.array(z.string()),
    lastMessageAt: z.string(),
    createdAt: z.string(),
    procedureStatus: z
      .string()
      .nullable()
      .openapi({ description: "Where a procedure left the conversation (awaiting_information, quoted, ...)" }),
  })
  .openapi("Conversation");

export const messageSchema = z
  .object({
    id: z.string(),
    direction: z.enum(["inbound", "outbound", "internal"]),
    authorKind: z.string(),
    authorName: z.string().nullable(),
    kind: z.string(),
    externalId: z.string().nullable(),
    text: z.string(),
    html: z.string().nullable(),
    attachments: z.array(z.unknown()),
    metadata: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
  })
  .openapi("Message");

/** One reply we asked a channel to send, and what became of it. */
export const deliverySchema = z
  .object({
    id: z.string(),
    channel: z.string(),
    status: z.enum(["queued", "sent", "delivered", "read", "failed"]),
    sandbox: z.boolean(),
    attempts: z.number(),
    vendorMessageId: z.string().nullable(),
    failureReason: z.string().nullable(),
    sentAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    readAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("Delivery");

export const conversationDetailSchema = conversationSchema
  .extend({
    contact: z
      .object({
        id: z.string(),
        name: z.string().nullable(),
        email: z.string().nullable(),
        phone: z.string().nullable(),
        externalId: z.string().nullable(),
      })
      .nullable(),
    messages: z.array(messageSchema),
    deliveries: z.array(deliverySchema),
    rawEvents: z.array(
      z.object({
        id: z.string(),
        channel: z.string(),
        vendorEventId: z.string(),
        eventType: z.string(),
        status: z.string(),
        reason: z.string().nullable(),
        bytes: z.number(),
        receivedAt: z.string(),
      }),
    ),
    procedureRuns: z
      .array(procedureRunSchema)
      .openapi({ description: "The procedures run on the conversation, newest first, with each step's result" }),
  })
  .openapi("ConversationDetail");

/** The list's filters; the route narrows `channel` to the channel kinds it knows. */
export const conversationsQuery = pageQuery.extend({
  app: z.string().min(1).max(100).optional(),
  status: z.enum(CONVERSATION_FILTER_STATUSES).optional(),
});

/** What re-running the drafting steps on a conversation's latest customer message produced; nothing stored or sent. */
export const replaySchema = z
  .object({
    conversationId: z.string(),
    messageId: z.string(),
    outcome: z.enum(["skipped", "planned"]),
    reason: z.string().nullable().openapi({ description: "Why no draft would be made (outcome `skipped`)" }),
    status: z
      .string()
      .nullable()
      .openapi({ description: "The status the draft would be stored with (outcome `planned`)" }),
    steps: z.array(z.object({ step: z.string(), output: z.unknown() })),
  })
  .openapi("Replay");

/** A person's reply on a conversation; the same key twice sends once (a double click, a retried request). */
export const personReplyInput = z
  .object({
    text: z.string().trim().min(1, "a reply needs text").max(10_000),
    idempotencyKey: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{1,100}$/, "1 to 100 letters, digits or _ . : -")
      .optional(),
  })
  .openapi("PersonReplyInput");

export type DeliveryView = z.infer<typeof deliverySchema>;
export type PersonReplyInput = z.infer<typeof personReplyInput>;
export type ConversationView = z.infer<typeof conversationSchema>;
export type MessageView = z.infer<typeof messageSchema>;
export type ConversationDetailView = z.infer<typeof conversationDetailSchema>;
export type ReplayView = z.infer<typeof replaySchema>;
