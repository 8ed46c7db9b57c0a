import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import {
  apiKeySchema,
  createdKeySchema,
  createKeyBody,
  idParam,
  jsonResponse,
  problemResponse,
  revokedKeySchema,
} from "@support/contract";
import { createApiKey, listApiKeyViews, revokeKey } from "@support/core";
import { requireCaller } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { validationHook } from "../validation.js";

const errors = {
  400: problemResponse("Invalid input"),
  401: problemResponse("Missing or invalid API key"),
  403: problemResponse("Only owners manage keys"),
};

/** API keys: only owners see or manage them (the key services check it). */
export function keysRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);

  router.openapi(
    createRoute({
      method: "post",
      path: "/",
      tags: ["keys"],
      request: { body: { content: { "application/json": { schema: createKeyBody } }, required: true } },
      responses: { 201: jsonResponse(createdKeySchema, "Created; the token is shown only here"), ...errors },
    }),
    async (c) => c.json(await createApiKey(c.var.ctx, c.req.valid("json")), 201),
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["keys"],
      responses: {
        200: jsonResponse(
          z.object({ data: z.array(apiKeySchema), nextCursor: z.null() }),
          "All keys of the organization",
        ),
        ...errors,
      },
    }),
    async (c) => c.json({ data: await listApiKeyViews(c.var.ctx), nextCursor: null }, 200),
  );

  router.openapi(
    createRoute({
      method: "delete",
      path: "/{id}",
      tags: ["keys"],
      request: { params: idParam },
      responses: {
        200: jsonResponse(revokedKeySchema, "Revoked"),
        404: problemResponse("No such key in this organization"),
        ...errors,
      },
    }),
    async (c) => c.json(await revokeKey(c.var.ctx, c.req.valid("param").id), 200),
  );
  return router;
}
