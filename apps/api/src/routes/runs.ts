import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { jsonResponse, problemResponse, runsQuery, workflowRunSchema } from "@support/contract";
import { listWorkflowRuns, retryWorkflowRun } from "@support/core";
import { requireCaller } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { validationHook } from "../validation.js";

/** Workflow runs of the embedded engine: the dead letter (`failed`) is visible and retryable. */
export function runRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);
  router.openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["runs"],
      request: { query: runsQuery },
      responses: {
        200: jsonResponse(z.object({ data: z.array(workflowRunSchema) }), "Newest first"),
        401: problemResponse("Missing or invalid credentials"),
      },
    }),
    async (c) => c.json({ data: await listWorkflowRuns(c.var.ctx, c.req.valid("query")) }, 200),
  );
  router.openapi(
    createRoute({
      method: "post",
      path: "/{id}/retry",
      tags: ["runs"],
      request: { params: z.object({ id: z.string().min(1).max(100) }) },
      responses: {
        200: jsonResponse(workflowRunSchema, "The run, queued again from its last completed step"),
        401: problemResponse("Missing or invalid credentials"),
        403: problemResponse("Role too low"),
        404: problemResponse("No such run in this organization"),
        409: problemResponse("Only failed runs can be retried"),
      },
    }),
    async (c) => c.json(await retryWorkflowRun(c.var.ctx, c.req.valid("param").id), 200),
  );
  return router;
}
