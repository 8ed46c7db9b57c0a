import { z } from "zod";
import { describeIssues, InboundPayloadError, type NormalizedDelivery, parseJson, stripHtml } from "./normalized.js";

const address = z.union([z.string().min(3), z.object({ address: z.string().email(), name: z.string().optional() })]);

/** A parsed inbound email (docs/channels.md maps mail providers' inbound-parse webhooks onto it). */
export const inboundEmailSchema = z
  .object({
    from: address,
    to: z.union([address, z.array(address)]).optional(),
    subject: z.string().max(1000).optional(),
    text: z.string().max(500_000).optional(),
    html: z.string().max(1_000_000).optional(),
    messageId: z.string().min(3).max(500),
    inReplyTo: z.string().max(500).optional(),
    references: z.union([z.string(), z.array(z.string())]).optional(),
    attachments: z
      .array(
        z.object({
          filename: z.string().optional(),
          contentType: z.string().optional(),
          size: z.number().int().nonnegative().optional(),
          url: z.string().url().optional(),
          /** The bytes, base64 (inbound-parse providers that post files inline); stored, never kept in the message. */
          content: z.string().max(2_000_000).optional(),
        }),
      )
      .max(100)
      .optional(),
  })
  .refine((e) => Boolean(e.text?.trim() || e.html?.trim()), "the email needs a text or html body");

/**
 * `"Ada <ada@example.com>"` → address and name. Scanned by index, not by regex: a sender field
 * is untrusted and the lazy-quantifier regex this replaced backtracked quadratically (ADR 0102).
 */
export function parseAddress(value: z.infer<typeof address>): { email?: string; name?: string } {
  if (typeof value !== "string") return { email: value.address.toLowerCase(), name: value.name };
  const trimmed = value.trim();
  const open = trimmed.indexOf("<");
  if (open >= 0 && trimmed.endsWith(">")) {
    const email = trimmed.slice(open + 1, -1).trim();
    const name = unquote(trimmed.slice(0, open).trim());
    if (email && !email.includes(">") && !name.includes('"'))
      return { email: email.toLowerCase(), name: name || undefined };
  }
  return trimmed.includes("@") ? { email: trimmed.toLowerCase() } : {};
}

function unquote(name: string): string {
  const start = name.startsWith('"') ? 1 : 0;
  const end = name.length > start && name.endsWith('"') ? name.length - 1 : name.length;
  return name.slice(start, end).trim();
}

export function normaliseMessageId(id: string): string {
  const trimmed = id.trim();
  return trimmed.slice(trimmed.startsWith("<") ? 1 : 0, trimmed.endsWith(">") ? -1 : undefined);
}

/** `On … wrote:` / `Le … a écrit :` attribution lines, tested by their ends (no `.+` to backtrack). */
function isAttribution(line: string): boolean {
  const text = line.trimEnd();
  if (text.startsWith("On ") && text.endsWith("wrote:")) return text.length > "On wrote:".length;
  if (text.startsWith("Le ") && text.endsWith(":")) {
    const before = text.slice(0, -1).trimEnd();
    return before.endsWith("a écrit") && before.length > "Le a écrit".length;
  }
  return /^-{2,}\s*Original Message/i.test(text);
}

/** Quoted history below the customer's words is kept in `html`, trimmed from the text we reason on. */
export function stripQuotedReply(text: string): string {
  const lines = text.split(/\r?\n/);
  const cut = lines.findIndex(isAttribution);
  const kept = (cut >= 0 ? lines.slice(0, cut) : lines).filter((line) => !line.startsWith(">"));
  return kept.join("\n").trim();
}

export function parseEmail(rawBody: string): NormalizedDelivery {
  const parsed = inboundEmailSchema.safeParse(parseJson(rawBody));
  if (!parsed.success) throw new InboundPayloadError(describeIssues(parsed.error.issues));
  const mail = parsed.data;
  const from = parseAddress(mail.from);
  if (!from.email) throw new InboundPayloadError("from: not an email address");
  const messageId = normaliseMessageId(mail.messageId);
  const referenceList = typeof mail.references === "string" ? mail.references.split(/\s+/) : (mail.references ?? []);
  const references = [...referenceList, ...(mail.inReplyTo ? [mail.inReplyTo] : [])]
    .filter((r) => r.trim())
    .map(normaliseMessageId);
  const fullText = mail.text?.trim() ? mail.text : stripHtml(mail.html ?? "");
  return {
    vendorEventId: messageId,
    eventType: "email.received",
    messages: [
      {
        externalId: messageId,
        // Replaced by the thread's conversation when a reference matches a stored message.
        conversationExternalId: messageId,
        subject: mail.subject,
        direction: "inbound",
        authorKind: "customer",
        authorName: from.name,
        contact: from,
        kind: "email",
        text: stripQuotedReply(fullText) || fullText.trim(),
        html: mail.html,
        attachments: (mail.attachments ?? []).map((a) => ({
          name: a.filename,
          contentType: a.contentType,
          size: a.size,
          url: a.url,
          content: a.content,
        })),
        metadata: { messageId, references },
        references,
        sentAt: new Date(),
      },
    ],
    changes: [],
    statuses: [],
  };
}
