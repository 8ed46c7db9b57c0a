import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { listAudit } from "@support/db";
import { requireCaller, requireRole } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { listOf, pageQuery, problemResponse } from "../pagination.js";
import { validationHook } from "../validation.js";

const entrySchema = z
  .object({
    id: z.string(),
    actor: z.string(),
    action: z.string(),
    subject: z.string(),
    data: z.unknown(),
    traceId: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("AuditEntry");

export function auditRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);
  router.openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["audit"],
      middleware: [requireRole("admin")] as const,
      request: { query: pageQuery },
      responses: {
        200: { description: "Newest first", content: { "application/json": { schema: listOf(entrySchema) } } },
        400: problemResponse("Invalid input"),
        401: problemResponse("Missing or invalid API key"),
        403: problemResponse("Role too low"),
      },
    }),
    async (c) => {
      const { runtime, principal } = c.var;
      const page = await listAudit(runtime.database.db, principal.orgId, c.req.valid("query"));
      return c.json(
        {
          data: page.data.map((e) => ({ ...e, orgId: undefined, createdAt: e.createdAt.toISOString() })),
          nextCursor: page.nextCursor,
        },
        200,
      );
    },
  );
  return router;
}
