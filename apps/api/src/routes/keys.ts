import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { AppError, createApiKey, publicApiKey, ROLES } from "@support/core";
import { appendAudit, listApiKeys, revokeApiKey } from "@support/db";
import { requireCaller, requireRole } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { problemResponse } from "../pagination.js";
import { validationHook } from "../validation.js";

const keySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string(),
    role: z.enum(ROLES),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("ApiKey");

const errors = {
  400: problemResponse("Invalid input"),
  401: problemResponse("Missing or invalid API key"),
  403: problemResponse("Only owners manage keys"),
};

/** API keys: only owners see or manage them. */
export function keysRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller, requireRole("owner"));

  router.openapi(
    createRoute({
      method: "post",
      path: "/",
      tags: ["keys"],
      request: {
        body: {
          content: {
            "application/json": { schema: z.object({ name: z.string().trim().min(1).max(200), role: z.enum(ROLES) }) },
          },
          required: true,
        },
      },
      responses: {
        201: {
          description: "Created; the token is shown only here",
          content: { "application/json": { schema: keySchema.extend({ token: z.string() }) } },
        },
        ...errors,
      },
    }),
    async (c) => {
      const { runtime, principal } = c.var;
      const { key, token } = await createApiKey(runtime.database.db, principal.orgId, c.req.valid("json"));
      await appendAudit(runtime.database.db, principal.orgId, {
        actor: principal.actor,
        action: "api_key.created",
        subject: key.id,
      });
      return c.json({ ...publicApiKey(key), role: key.role as (typeof ROLES)[number], token }, 201);
    },
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["keys"],
      responses: {
        200: {
          description: "All keys of the organization",
          content: { "application/json": { schema: z.object({ data: z.array(keySchema), nextCursor: z.null() }) } },
        },
        ...errors,
      },
    }),
    async (c) => {
      const { runtime, principal } = c.var;
      const keys = await listApiKeys(runtime.database.db, principal.orgId);
      return c.json(
        { data: keys.map((k) => ({ ...publicApiKey(k), role: k.role as (typeof ROLES)[number] })), nextCursor: null },
        200,
      );
    },
  );

  router.openapi(
    createRoute({
      method: "delete",
      path: "/{id}",
      tags: ["keys"],
      request: { params: z.object({ id: z.string().min(1).max(100) }) },
      responses: {
        200: {
          description: "Revoked",
          content: { "application/json": { schema: z.object({ id: z.string(), revoked: z.boolean() }) } },
        },
        404: problemResponse("No such key in this organization"),
        ...errors,
      },
    }),
    async (c) => {
      const { runtime, principal } = c.var;
      const { id } = c.req.valid("param");
      if (!(await revokeApiKey(runtime.database.db, principal.orgId, id)))
        throw new AppError("not_found", `API key ${id} not found`);
      await appendAudit(runtime.database.db, principal.orgId, {
        actor: principal.actor,
        action: "api_key.revoked",
        subject: id,
      });
      return c.json({ id, revoked: true }, 200);
    },
  );
  return router;
}
