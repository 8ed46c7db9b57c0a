import { z } from "@hono/zod-openapi";

/** Category names: what triage answers and what a procedure's trigger names. */
export const categoryNameSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, "a letter, then letters, digits, _ or - (at most 64)");

export const customCategorySchema = z
  .object({
    name: categoryNameSchema,
    description: z.string().trim().min(1).max(500),
    examples: z.array(z.string().trim().min(1).max(500)).min(1).max(50),
    risk: z.enum(["low", "medium", "high"]).default("medium"),
    /** Words, phrases or file extensions (".stl") that settle the category on their own. */
    signals: z.array(z.string().trim().min(1).max(100)).max(100).default([]),
  })
  .openapi("CustomCategory");

/** An app's triage: its own categories, the confidence it trusts, and where an unsure pick goes. */
export const triageConfigBody = z
  .object({
    categories: z.array(customCategorySchema).min(2).max(50),
    threshold: z.number().min(0).max(1).default(0.7),
    /** A category to use below the threshold; absent or null, a person decides. */
    fallbackCategory: categoryNameSchema.nullable().default(null),
  })
  .strict()
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.categories.forEach((category, i) => {
      if (seen.has(category.name)) {
        ctx.addIssue({
          code: "custom",
          path: ["categories", i, "name"],
          message: `"${category.name}" is listed twice`,
        });
      }
      seen.add(category.name);
    });
    if (config.fallbackCategory && !seen.has(config.fallbackCategory)) {
      ctx.addIssue({
        code: "custom",
        path: ["fallbackCategory"],
        message: `"${config.fallbackCategory}" is not one of the categories`,
      });
    }
  })
  .openapi("TriageConfigInput");

export const triageConfigSchema = z
  .object({
    app: z.string(),
    /** False while the app uses the built-in categories (then `categories` lists those). */
    custom: z.boolean(),
    categories: z.array(customCategorySchema),
    threshold: z.number(),
    fallbackCategory: z.string().nullable(),
    updatedAt: z.string().nullable(),
  })
  .openapi("TriageConfig");

export type CustomCategory = z.infer<typeof customCategorySchema>;
export type TriageConfigInput = z.input<typeof triageConfigBody>;
export type TriageConfigView = z.infer<typeof triageConfigSchema>;
