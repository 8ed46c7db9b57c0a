import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { auditEntrySchema, jsonResponse, listOf, pageQuery, problemResponse } from "@support/contract";
import { auditLog } from "@support/core";
import { requireCaller } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { validationHook } from "../validation.js";

export function auditRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);
  router.openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["audit"],
      request: { query: pageQuery },
      responses: {
        200: jsonResponse(listOf(auditEntrySchema), "Newest first"),
        400: problemResponse("Invalid input"),
        401: problemResponse("Missing or invalid API key"),
        403: problemResponse("Role too low"),
      },
    }),
    async (c) => c.json(await auditLog(c.var.ctx, c.req.valid("query")), 200),
  );
  return router;
}
