import { z } from "zod";

/**
 * A labelled answer set (`questions.jsonl`, one question a line): what a customer writes, in which
 * language, and what a good outcome holds - the key facts a reply must state (regular
 * expressions), whether the customer asked for a person, and the action they asked for.
 */

const expectation = z.object({
  facts: z.array(z.string()).default([]),
  escalate: z.boolean().optional(),
  action: z.record(z.string(), z.unknown()).optional(),
  /** The triage category a person would file it under (the app's categories; the defaults in the dev sets). */
  category: z.string().min(1).optional(),
});

const customer = z.object({ name: z.string().min(1), email: z.string().email().optional() });

const questionSchema = z.object({
  text: z.string().trim().min(1),
  lang: z.string().min(2).max(10),
  expect: expectation,
  customer: customer.optional(),
});

export type AnswerQuestion = z.infer<typeof questionSchema>;

/** What kind of question a label makes it: the metrics count each kind apart. */
export type QuestionKind = "answerable" | "human" | "action" | "out_of_scope";

export function questionKind(q: AnswerQuestion): QuestionKind {
  if (q.expect.escalate) return "human";
  if (q.expect.action) return "action";
  return q.expect.facts.length > 0 ? "answerable" : "out_of_scope";
}

export class AnswerSetError extends Error {}

/** Parses a `questions.jsonl`; a bad line is named with its number and the first problem found. */
export function parseAnswerQuestions(jsonl: string, source: string): AnswerQuestion[] {
  return jsonl.split("\n").flatMap((line, index) => {
    if (!line.trim()) return [];
    const where = `${source}:${index + 1}`;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      throw new AnswerSetError(`${where}: not JSON`);
    }
    const parsed = questionSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AnswerSetError(`${where}: ${issue?.path.join(".") || "line"}: ${issue?.message}`);
    }
    for (const fact of parsed.data.expect.facts) {
      try {
        new RegExp(fact, "iu");
      } catch {
        throw new AnswerSetError(`${where}: expect.facts: "${fact}" is not a regular expression`);
      }
    }
    return [parsed.data];
  });
}

/** The action a label asks for, by whichever key it names it with (`name`, `action` or `type`). */
export function expectedActionName(q: AnswerQuestion): string | null {
  const action = q.expect.action;
  if (!action) return null;
  const name = action.name ?? action.action ?? action.type;
  return typeof name === "string" ? name : null;
}
