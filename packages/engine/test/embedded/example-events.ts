import { eventType } from "inngest";
import { z } from "zod";

/** The events the example functions of the engine tests listen to (the engine knows no product events). */
export const exampleEvents = {
  received: eventType("example/message.received", {
    schema: z.object({
      v: z.literal(1),
      orgId: z.string(),
      appId: z.string(),
      conversationId: z.string(),
      messageId: z.string(),
      channel: z.string(),
      direction: z.string(),
      authorKind: z.string(),
    }),
    version: "1",
  }),
  updated: eventType("example/conversation.updated", {
    schema: z.object({
      v: z.literal(1),
      orgId: z.string(),
      appId: z.string(),
      conversationId: z.string(),
      channel: z.string(),
      changes: z.array(z.string()),
    }),
    version: "1",
  }),
};
