import { z } from "zod";

/**
 * The event catalog: every event the platform emits, with its schema and version. Events are
 * small (ids and routing fields); whoever handles one reads the context from the database.
 */
export const CHANNEL_KIND = z.enum(["front", "zendesk", "whatsapp", "email", "web", "generic"]);

export const eventCatalog = {
  "support/message.received": z.object({
    v: z.literal(1),
    orgId: z.string(),
    appId: z.string(),
    conversationId: z.string(),
    messageId: z.string(),
    channel: CHANNEL_KIND,
    direction: z.enum(["inbound", "outbound", "internal"]),
    authorKind: z.enum(["customer", "agent", "bot", "system"]),
  }),
  "support/conversation.updated": z.object({
    v: z.literal(1),
    orgId: z.string(),
    appId: z.string(),
    conversationId: z.string(),
    channel: CHANNEL_KIND,
    changes: z.array(z.enum(["assignee", "tags", "status"])),
  }),
  "support/delivery.updated": z.object({
    v: z.literal(1),
    orgId: z.string(),
    appId: z.string(),
    channel: CHANNEL_KIND,
    vendorMessageId: z.string(),
    status: z.enum(["sent", "delivered", "read", "failed"]),
  }),
} as const;

export type EventName = keyof typeof eventCatalog;
export type EventData<N extends EventName> = z.infer<(typeof eventCatalog)[N]>;

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(eventCatalog, name);
}
