import { z } from "@hono/zod-openapi";

/** The kinds that ask a person to act; the daily summary only informs. */
export const ATTENTION_KINDS = [
  "approval_reminder",
  "escalation",
  "reply_failed",
  "procedure",
  "quote_approval",
  "order_confirmed",
  "lead_qualified",
] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

export const notificationSchema = z
  .object({
    id: z.string(),
    kind: z.enum(ATTENTION_KINDS),
    appId: z.string().nullable(),
    conversationId: z.string().nullable(),
    draftId: z.string().nullable(),
    reason: z.string(),
    postedToSlack: z.boolean().openapi({ description: "Whether Slack was told too (false without Slack)" }),
    createdAt: z.string(),
  })
  .openapi("Notification");

export type NotificationView = z.infer<typeof notificationSchema>;
