import { z } from "@hono/zod-openapi";

/** The roles of an organization's members and API keys, weakest last. */
export const ROLES = ["owner", "admin", "agent"] as const;
export type Role = (typeof ROLES)[number];

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50).openapi({ description: "At most 100." }),
  cursor: z.string().min(1).optional(),
});

export const listOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable() });

/** A page of items as every list operation answers it. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

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

export type Problem = z.infer<typeof problemSchema>;

export const problemResponse = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: problemSchema } },
});

export const jsonResponse = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const appParam = z.object({ app: z.string().min(1).max(100).openapi({ description: "App id or slug" }) });
export const idParam = z.object({ id: z.string().min(1).max(100) });
