import { z } from "@hono/zod-openapi";
import { categoryNameSchema } from "./categories.js";

/**
 * A procedure: a business's own steps for one trigger category, as data (ADR 0110). The schema
 * checks the shape; `procedureDefinitionSchema`'s refinement checks that every name a step uses
 * (a step, a field, a template) is defined, so a bad definition is refused at the field.
 */

const nameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,47}$/, "lowercase letters, digits and _, starting with a letter");
const keySchema = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, "lowercase letters, digits and dashes");
const languageSchema = z.string().regex(/^[a-z]{2}$/, "a two-letter language code (en, fr, mg)");

/** Customer-facing text per language; `{{placeholder}}` names are checked against what runs know. */
export const localizedTextSchema = z
  .record(languageSchema, z.string().trim().min(1).max(4000))
  .refine((texts) => Object.keys(texts).length > 0, "at least one language");

const attachmentField = z.object({
  name: nameSchema,
  kind: z.literal("attachment"),
  label: localizedTextSchema,
  /** Content-type prefixes ("image/") or file extensions (".pdf", ".stl"). */
  accept: z.array(z.string().trim().min(2).max(100)).min(1).max(50),
  min: z.number().int().min(1).max(50).default(1),
});
const dimensionsField = z.object({ name: nameSchema, kind: z.literal("dimensions"), label: localizedTextSchema });
const choiceField = z.object({
  name: nameSchema,
  kind: z.literal("choice"),
  label: localizedTextSchema,
  /** Each option and the words that point at it (matched as whole words, accents folded). */
  options: z
    .array(z.object({ value: nameSchema, words: z.array(z.string().trim().min(1).max(100)).min(1).max(50) }))
    .min(1)
    .max(20),
});
export const procedureFieldSchema = z.discriminatedUnion("kind", [attachmentField, dimensionsField, choiceField]);

/** Every field listed, or at least one of `anyOf` for each entry: "a photo or a plan, and dimensions". */
export const checklistSchema = z
  .array(z.object({ anyOf: z.array(nameSchema).min(1).max(10) }))
  .min(1)
  .max(30);

export const quoteGridSchema = z.object({
  unit: z.object({ one: localizedTextSchema, many: localizedTextSchema }),
  /** The first rule whose conditions all hold prices the request; none: `otherwise`. */
  rules: z
    .array(
      z.object({
        when: z.record(nameSchema, nameSchema).default({}),
        /** A price, or a hand-off to a person for cases the grid does not price. */
        amount: z.number().min(0).max(1_000_000).nullable(),
        label: z.string().trim().min(1).max(200),
      }),
    )
    .min(1)
    .max(100),
});

export const CONVERSATION_STATUSES = ["awaiting_information", "quoted", "validated", "refused"] as const;
export const REPLY_INTENTS = ["accept", "refuse", "question", "more_info"] as const;

/** A step's `next` may name this instead of a step: the procedure is over. */
export const PROCEDURE_END = "end";
const stepBase = {
  id: nameSchema.refine((id) => id !== PROCEDURE_END, `"${PROCEDURE_END}" is reserved for next`),
  next: nameSchema.optional(),
};
export const procedureStepSchema = z.discriminatedUnion("kind", [
  z.object({ ...stepBase, kind: z.literal("extract") }),
  /** Missing items: send `template` with `{{missing}}`, wait, extract again, until complete. */
  z.object({
    ...stepBase,
    kind: z.literal("checklist"),
    template: nameSchema,
    wait: z.object({
      timeoutHours: z
        .number()
        .min(0.01)
        .max(24 * 60),
      reminderTemplate: nameSchema.optional(),
      reminderAfterHours: z
        .number()
        .min(0.01)
        .max(24 * 60)
        .optional(),
    }),
  }),
  z.object({ ...stepBase, kind: z.literal("quote"), template: nameSchema, handoffTemplate: nameSchema.optional() }),
  /** Waits for the customer's reply and branches on what it means. */
  z.object({
    ...stepBase,
    kind: z.literal("interpret_reply"),
    timeoutHours: z
      .number()
      .min(0.01)
      .max(24 * 60),
    on: z.object(
      Object.fromEntries(REPLY_INTENTS.map((i) => [i, nameSchema])) as Record<
        (typeof REPLY_INTENTS)[number],
        typeof nameSchema
      >,
    ),
  }),
  z.object({
    ...stepBase,
    kind: z.literal("message"),
    template: nameSchema,
    /** `policy`: the app's autonomy decides whether a person approves first. */
    approval: z.enum(["policy", "always"]).default("policy"),
  }),
  z.object({ ...stepBase, kind: z.literal("create_task"), title: z.string().trim().min(1).max(200) }),
  z.object({
    ...stepBase,
    kind: z.literal("notify"),
    template: nameSchema,
    /** The team's address: the notification is also mailed there (SMTP, or the embedded mailbox). */
    email: z.email().max(320).optional(),
  }),
  z.object({ ...stepBase, kind: z.literal("set_status"), status: z.enum(CONVERSATION_STATUSES) }),
  z.object({ ...stepBase, kind: z.literal("handoff"), reason: z.string().trim().min(1).max(300) }),
]);

const definitionShape = z.object({
  key: keySchema,
  name: z.string().trim().min(1).max(200),
  trigger: z.object({ category: categoryNameSchema }),
  defaultLanguage: languageSchema,
  fields: z.array(procedureFieldSchema).max(50).default([]),
  checklist: checklistSchema.optional(),
  quote: quoteGridSchema.optional(),
  templates: z.record(nameSchema, localizedTextSchema).default({}),
  steps: z.array(procedureStepSchema).min(1).max(100),
});

type Definition = z.infer<typeof definitionShape>;
type Issue = { path: (string | number)[]; message: string };

/** Placeholders a template may use; `fields.<name>` for any field of the definition. */
const PLACEHOLDERS = new Set([
  "customer.email",
  "customer.name",
  "missing",
  "quote.amount",
  "quote.unit",
  "quote.label",
]);

function referenceIssues(d: Definition): Issue[] {
  const issues: Issue[] = [];
  const stepIds = new Set<string>();
  d.steps.forEach((step, i) => {
    if (stepIds.has(step.id)) issues.push({ path: ["steps", i, "id"], message: `"${step.id}" is used twice` });
    stepIds.add(step.id);
  });
  const fields = new Set(d.fields.map((f) => f.name));
  const needStep = (path: Issue["path"], id: string | undefined) => {
    if (id !== undefined && id !== PROCEDURE_END && !stepIds.has(id)) issues.push({ path, message: `no step "${id}"` });
  };
  const needTemplate = (path: Issue["path"], name: string | undefined) => {
    if (name !== undefined && !d.templates[name]) issues.push({ path, message: `no template "${name}"` });
  };
  d.steps.forEach((step, i) => {
    needStep(["steps", i, "next"], step.next);
    if ("template" in step) needTemplate(["steps", i, "template"], step.template);
    if (step.kind === "checklist") {
      needTemplate(["steps", i, "wait", "reminderTemplate"], step.wait.reminderTemplate);
      if (!d.checklist) issues.push({ path: ["checklist"], message: "a checklist step needs the checklist" });
    }
    if (step.kind === "quote") {
      needTemplate(["steps", i, "handoffTemplate"], step.handoffTemplate);
      if (!d.quote) issues.push({ path: ["quote"], message: "a quote step needs the quote grid" });
    }
    if (step.kind === "interpret_reply") {
      for (const intent of REPLY_INTENTS) needStep(["steps", i, "on", intent], step.on[intent]);
    }
  });
  d.checklist?.forEach((item, i) => {
    item.anyOf.forEach((name, j) => {
      if (!fields.has(name)) issues.push({ path: ["checklist", i, "anyOf", j], message: `no field "${name}"` });
    });
  });
  d.quote?.rules.forEach((rule, i) => {
    for (const [name, value] of Object.entries(rule.when)) {
      const field = d.fields.find((f) => f.name === name);
      if (!field) issues.push({ path: ["quote", "rules", i, "when", name], message: `no field "${name}"` });
      else if (field.kind !== "choice" || !field.options.some((o) => o.value === value)) {
        issues.push({ path: ["quote", "rules", i, "when", name], message: `"${value}" is not an option of ${name}` });
      }
    }
  });
  for (const [name, texts] of Object.entries(d.templates)) {
    if (!texts[d.defaultLanguage]) {
      issues.push({ path: ["templates", name], message: `no text in the default language ${d.defaultLanguage}` });
    }
    for (const [language, text] of Object.entries(texts)) {
      for (const match of text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)) {
        const placeholder = match[1] as string;
        const known =
          PLACEHOLDERS.has(placeholder) ||
          (placeholder.startsWith("fields.") && fields.has(placeholder.slice("fields.".length)));
        if (!known)
          issues.push({ path: ["templates", name, language], message: `unknown placeholder {{${placeholder}}}` });
      }
    }
  }
  return issues;
}

export const procedureDefinitionSchema = definitionShape
  .superRefine((d, ctx) => {
    for (const issue of referenceIssues(d)) ctx.addIssue({ code: "custom", ...issue });
  })
  .openapi("ProcedureDefinition");

export const saveProcedureBody = z
  .object({
    definition: z.unknown().optional().openapi({ description: "A procedure definition (see ProcedureDefinition)" }),
    template: z.enum(["3d-intake", "return-authorisation"]).optional(),
  })
  .strict()
  .refine((b) => (b.definition === undefined) !== (b.template === undefined), "give either a definition or a template");

export const procedureSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    name: z.string(),
    version: z.number().int(),
    triggerCategory: z.string(),
    createdBy: z.string(),
    createdAt: z.string(),
    definition: procedureDefinitionSchema,
  })
  .openapi("Procedure");

export const procedureSummarySchema = procedureSchema.omit({ definition: true }).openapi("ProcedureSummary");
export const procedureListSchema = z.object({ data: z.array(procedureSummarySchema) });
export const procedureKeyParam = z.object({
  app: z.string().min(1).max(100).openapi({ description: "App id or slug" }),
  key: keySchema,
});

export type ProcedureDefinition = z.infer<typeof procedureDefinitionSchema>;
export type ProcedureDefinitionInput = z.input<typeof procedureDefinitionSchema>;
export type ProcedureField = z.infer<typeof procedureFieldSchema>;
export type ProcedureStep = z.infer<typeof procedureStepSchema>;
export type ProcedureView = z.infer<typeof procedureSchema>;
export type ProcedureSummaryView = z.infer<typeof procedureSummarySchema>;
export type SaveProcedureInput = z.infer<typeof saveProcedureBody>;
export type ConversationProcedureStatus = (typeof CONVERSATION_STATUSES)[number];
export type ReplyIntent = (typeof REPLY_INTENTS)[number];
