import { z } from "zod";

/**
 * What Claude must return, as tool inputs. The same zod schemas produce the tools' JSON Schema and
 * validate the answers, so the contract cannot drift between the prompt and the parser.
 */

export const triageToolInput = z.object({
  category: z.string().min(1).describe("One of the category names listed by the user message"),
  intent: z.string().min(1).describe("A short snake_case label for what the customer wants"),
  priority: z.enum(["low", "normal", "high", "urgent"]),
  language: z.string().min(2).max(3).describe("ISO 639-1 code of the customer's language"),
  sentiment: z.enum(["negative", "neutral", "positive"]),
  spam: z.boolean(),
  needsHuman: z.boolean().describe("True when the customer asks for a person or the case needs human judgement"),
  confidence: z.number().min(0).max(1),
  reasons: z.array(z.string()).min(1).max(5),
  flags: z
    .array(z.enum(["angry_customer", "legal", "security"]))
    .describe(
      "angry_customer for an angry or upset customer, legal for legal threats, security for hacked accounts or fraud",
    ),
});

export const draftToolInput = z.object({
  text: z.string().describe("The reply to send, without citation markers; empty when needsHuman is true"),
  citations: z.array(z.string()).describe("Ids of the passages the reply relies on"),
  confidence: z.number().min(0).max(1).describe("How sure you are that the reply fully and correctly answers"),
  needsHuman: z.boolean().describe("True when the passages do not answer the question"),
  reason: z.string().describe("One sentence on why this reply, or why a human is needed"),
});

export const replyToolInput = z.object({
  intent: z
    .enum(["accept", "refuse", "question", "more_info"])
    .describe("accept or refuse the quote, a question to answer first, or more information for the request"),
  confidence: z.number().min(0).max(1),
  reason: z.string().min(1).max(300).describe("One short sentence on why"),
});

export type ReplyToolInput = z.infer<typeof replyToolInput>;
export type TriageToolInput = z.infer<typeof triageToolInput>;
export type DraftToolInput = z.infer<typeof draftToolInput>;

export function toolInputSchema(schema: z.ZodType) {
  const { $schema: _, ...json } = z.toJSONSchema(schema) as Record<string, unknown>;
  return json as { type: "object"; properties: Record<string, unknown>; required?: string[] };
}
