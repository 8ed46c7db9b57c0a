import { z } from "@hono/zod-openapi";

/** An email the platform sent a person of the organization (the embedded mailbox keeps them). */
export const platformMailSchema = z
  .object({
    id: z.string(),
    kind: z.string().openapi({ description: "invitation, quota_warning, procedure" }),
    recipient: z.string(),
    subject: z.string(),
    text: z.string(),
    createdAt: z.string(),
  })
  .openapi("PlatformMail");

export type PlatformMailView = z.infer<typeof platformMailSchema>;
