import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { retryWorkflowRun } from "@support/core";
import { type EngineRunRecord, listEngineRuns } from "@support/engine";
import { requireCaller, requireRole } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { problemResponse } from "../pagination.js";
import { validationHook } from "../validation.js";

const RUN_STATUSES = ["running", "completed", "failed", "cancelled"] as const;

const runSchema = z
  .object({
    id: z.string(),
    functionId: z.string(),
    status: z.string(),
    attempt: z.number(),
    maxAttempts: z.number(),
    lastError: z.string().nullable(),
    lastStep: z.string().nullable(),
    event: z.object({ name: z.string() }).passthrough(),
    createdAt: z.string(),
    updatedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi("WorkflowRun");

export function publicRun(run: EngineRunRecord) {
  return {
    id: run.id,
    functionId: run.functionId,
    status: run.status,
    attempt: run.attempt,
    maxAttempts: run.maxAttempts,
    lastError: run.lastError,
    lastStep: run.lastStep,
    event: run.event as { name: string },
    createdAt: run.createdAt.toISOString(),
    updatedAt: run.updatedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

/** Workflow runs of the embedded engine: the dead letter (`failed`) is visible and retryable. */
export function runRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);
  router.openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["runs"],
      request: {
        query: z.object({
          status: z.enum(RUN_STATUSES).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(50),
        }),
      },
      responses: {
        200: {
          description: "Newest first",
          content: { "application/json": { schema: z.object({ data: z.array(runSchema) }) } },
        },
        401: problemResponse("Missing or invalid credentials"),
      },
    }),
    async (c) => {
      const { runtime, principal } = c.var;
      const { status, limit } = c.req.valid("query");
      const runs = await listEngineRuns(runtime.database.db, principal.orgId, { status, limit });
      return c.json({ data: runs.map(publicRun) as z.infer<typeof runSchema>[] }, 200);
    },
  );
  router.openapi(
    createRoute({
      method: "post",
      path: "/{id}/retry",
      tags: ["runs"],
      middleware: [requireRole("admin")] as const,
      request: { params: z.object({ id: z.string().min(1).max(100) }) },
      responses: {
        200: {
          description: "The run, queued again from its last completed step",
          content: { "application/json": { schema: runSchema } },
        },
        401: problemResponse("Missing or invalid credentials"),
        404: problemResponse("No such run in this organization"),
        409: problemResponse("Only failed runs can be retried"),
      },
    }),
    async (c) => {
      const { runtime, principal } = c.var;
      const run = await retryWorkflowRun(runtime.database, principal.orgId, c.req.valid("param").id);
      return c.json(publicRun(run) as z.infer<typeof runSchema>, 200);
    },
  );
  return router;
}
