import { z } from "@hono/zod-openapi";
import { pageQuery } from "./common.js";

/** The channels a conversation comes through and its replies go out by, in the order they are listed. */
export const CHANNEL_KINDS = ["front", "zendesk", "whatsapp", "email", "web", "generic", "widget"] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const channelKindSchema = z.enum(CHANNEL_KINDS);

export const channelSchema = z
  .object({
    kind: channelKindSchema,
    status: z.enum(["active", "incomplete", "disabled"]),
    settings: z.record(z.string(), z.unknown()),
    secretsSet: z.array(z.string()).openapi({ description: "Names of the stored secrets; values are never returned." }),
    webhookUrl: z.string(),
    updatedAt: z.string().nullable(),
  })
  .openapi("Channel");

export const channelChangeBody = z
  .object({
    settings: z.record(z.string(), z.union([z.string(), z.boolean(), z.null()])).optional(),
    secrets: z.record(z.string(), z.union([z.string(), z.null()])).optional(),
  })
  .strict()
  .openapi("ChannelChange", {
    description: "Fields to set; a field set to null or an empty string is removed. Secrets are write-only.",
  });

export const channelTestReportSchema = z
  .object({
    channel: z.string(),
    status: z.number().openapi({ description: "What the webhook route answered" }),
    outcome: z.string(),
    conversationId: z.string().nullable(),
    messageId: z.string().nullable(),
    detail: z.string().optional(),
  })
  .openapi("ChannelTestReport");

export const channelParam = z.object({ app: z.string().min(1).max(100), channel: channelKindSchema });

/** What a channel without credentials would have sent: the sandbox outbox. */
export const sandboxMessageSchema = z
  .object({
    id: z.string(),
    appId: z.string(),
    conversationId: z.string(),
    channel: z.string(),
    recipient: z.string().nullable(),
    subject: z.string().nullable(),
    text: z.string(),
    html: z.string().nullable(),
    sandbox: z.literal(true),
    createdAt: z.string(),
  })
  .openapi("SandboxMessage");

export const outboxQuery = pageQuery.extend({
  app: z.string().min(1).max(100),
  channel: channelKindSchema.optional(),
});

export type ChannelView = z.infer<typeof channelSchema>;
export type ChannelChange = z.infer<typeof channelChangeBody>;
export type ChannelTestReport = z.infer<typeof channelTestReportSchema>;
export type SandboxMessageView = z.infer<typeof sandboxMessageSchema>;
export type OutboxQuery = z.infer<typeof outboxQuery>;
