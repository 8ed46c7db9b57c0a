import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import {
  jsonResponse,
  listOf,
  outboxQuery,
  pageQuery,
  platformMailSchema,
  problemResponse,
  sandboxMessageSchema,
} from "@support/contract";
import { listMailbox, listSandboxOutbox } from "@support/core";
import { requireCaller } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { validationHook } from "../validation.js";

/** The sandbox outbox: what would have been sent by channels that have no credentials. */
export function outboxRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);
  router.openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["outbox"],
      request: { query: outboxQuery },
      responses: {
        200: jsonResponse(listOf(sandboxMessageSchema), "Newest first"),
        400: problemResponse("Invalid input"),
        401: problemResponse("Missing or invalid credentials"),
        404: problemResponse("No such app in this organization"),
      },
    }),
    async (c) => c.json(await listSandboxOutbox(c.var.ctx, c.req.valid("query")), 200),
  );
  router.openapi(
    createRoute({
      method: "get",
      path: "/mails",
      tags: ["outbox"],
      summary: "The organization's emails to people (invitations, quota warnings) in the embedded mailbox; admins",
      request: { query: pageQuery },
      responses: {
        200: jsonResponse(listOf(platformMailSchema), "Newest first"),
        400: problemResponse("Invalid input"),
        401: problemResponse("Missing or invalid credentials"),
        403: problemResponse("Admins only"),
      },
    }),
    async (c) => c.json(await listMailbox(c.var.ctx, c.req.valid("query")), 200),
  );
  return router;
}
