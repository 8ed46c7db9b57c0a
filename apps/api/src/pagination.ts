import { z } from "@hono/zod-openapi";

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50).openapi({ description: "At most 100." }),
  cursor: z.string().min(1).optional(),
});

export const listOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable() });

export const problemSchema = z
  .object({
    type: z.string(),
    code: z.string(),
    title: z.string(),
    status: z.number(),
    detail: z.string(),
    requestId: z.string(),
  })
  .openapi("Problem");

export const problemResponse = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: problemSchema } },
});
