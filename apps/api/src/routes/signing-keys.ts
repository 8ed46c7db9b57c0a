import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { describeSigningKeys, removeOldSigningKeys, rotateSigningKey } from "@support/core";
import { requireCaller, requireRole } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { problemResponse } from "../pagination.js";
import { validationHook } from "../validation.js";

const appParam = z.object({ app: z.string().min(1).max(100).openapi({ description: "App id or slug" }) });
const keysSchema = z
  .object({
    appId: z.string(),
    keys: z
      .array(z.object({ id: z.string(), version: z.number(), createdAt: z.string() }))
      .openapi({ description: "Live keys, newest first; two while a rotation overlaps" }),
  })
  .openapi("SigningKeys");
const json = (schema: z.ZodTypeAny, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const errors = {
  401: problemResponse("Missing or invalid credentials"),
  403: problemResponse("Role too low"),
  404: problemResponse("No such app in this organization"),
};

/**
 * The app's webhook signing secrets (generic/SDK and email channels): list, rotate with an
 * overlap, remove the old one. Secrets are shown once, in the rotate answer.
 */
export function signingKeyRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);

  router.openapi(
    createRoute({
      method: "get",
      path: "/{app}/signing-keys",
      tags: ["signing keys"],
      request: { params: appParam },
      responses: { 200: json(keysSchema, "The live keys, never their secrets"), ...errors },
    }),
    async (c) => {
      const { runtime, principal } = c.var;
      return c.json(await describeSigningKeys(runtime.database, principal.orgId, c.req.valid("param").app), 200);
    },
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{app}/signing-keys/rotate",
      tags: ["signing keys"],
      middleware: [requireRole("admin")] as const,
      request: { params: appParam },
      responses: {
        200: json(
          keysSchema.extend({ secret: z.string().openapi({ description: "The new secret, shown only here" }) }),
          "The new secret; the previous one keeps verifying and signing until removed",
        ),
        ...errors,
      },
    }),
    async (c) => {
      const { runtime, principal } = c.var;
      const rotated = await rotateSigningKey(
        runtime.database,
        runtime.secrets,
        principal.orgId,
        c.req.valid("param").app,
        principal.actor,
      );
      return c.json(rotated, 200);
    },
  );

  router.openapi(
    createRoute({
      method: "delete",
      path: "/{app}/signing-keys/old",
      tags: ["signing keys"],
      middleware: [requireRole("admin")] as const,
      request: { params: appParam },
      responses: { 200: json(keysSchema, "Only the newest key verifies and signs from now on"), ...errors },
    }),
    async (c) => {
      const { runtime, principal } = c.var;
      return c.json(
        await removeOldSigningKeys(runtime.database, principal.orgId, c.req.valid("param").app, principal.actor),
        200,
      );
    },
  );
  return router;
}
