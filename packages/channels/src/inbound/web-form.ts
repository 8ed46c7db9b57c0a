import { randomUUID } from "node:crypto";
import { z } from "zod";
import { describeIssues, InboundPayloadError, type NormalizedDelivery } from "./normalized.js";

/**
 * The public contact form. `website` is the honeypot: people never see it, bots fill it in.
 * `source` (or `category`, as some forms name it) is what the customer or the embedding page
 * declared the request to be: kept as the message's `metadata.source`, so a procedure can tell
 * the team when triage classified the message otherwise.
 */
export const webFormSchema = z.object({
  name: z.string().trim().max(200).optional(),
  email: z.string().trim().email("a valid email address is required"),
  subject: z.string().trim().max(300).optional(),
  message: z.string().trim().min(1, "a message is required").max(20_000),
  website: z.string().optional(),
  source: z.string().trim().max(64).optional(),
  category: z.string().trim().max(64).optional(),
});

export type WebFormResult = { kind: "message"; delivery: NormalizedDelivery } | { kind: "honeypot" };

export function parseWebForm(fields: Record<string, unknown>): WebFormResult {
  const parsed = webFormSchema.safeParse(fields);
  if (!parsed.success) throw new InboundPayloadError(describeIssues(parsed.error.issues));
  const form = parsed.data;
  if (form.website) return { kind: "honeypot" };
  const id = randomUUID();
  const source = form.source || form.category;
  return {
    kind: "message",
    delivery: {
      vendorEventId: id,
      eventType: "form.submitted",
      messages: [
        {
          externalId: id,
          conversationExternalId: `form:${id}`,
          subject: form.subject || undefined,
          direction: "inbound",
          authorKind: "customer",
          authorName: form.name || undefined,
          contact: { email: form.email.toLowerCase(), name: form.name || undefined },
          kind: "form",
          text: form.message,
          attachments: [],
          ...(source ? { metadata: { source } } : {}),
          sentAt: new Date(),
        },
      ],
      changes: [],
      statuses: [],
    },
  };
}
