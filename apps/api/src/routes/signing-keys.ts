import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import {
  appParam,
  jsonResponse,
  problemResponse,
  rotatedSigningKeysSchema,
  signingKeysSchema,
} from "@support/contract";
import { describeSigningKeys, removeOldSigningKeys, rotateSigningKey } from "@support/core";
import { requireCaller } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { validationHook } from "../validation.js";

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
      responses: { 200: jsonResponse(signingKeysSchema, "The live keys, never their secrets"), ...errors },
    }),
    async (c) => c.json(await describeSigningKeys(c.var.ctx, c.req.valid("param").app), 200),
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{app}/signing-keys/rotate",
      tags: ["signing keys"],
      request: { params: appParam },
      responses: {
        200: jsonResponse(
          rotatedSigningKeysSchema,
          "The new secret; the previous one keeps verifying and signing until removed",
        ),
        ...errors,
      },
    }),
    async (c) => c.json(await rotateSigningKey(c.var.ctx, c.req.valid("param").app), 200),
  );

  router.openapi(
    createRoute({
      method: "delete",
      path: "/{app}/signing-keys/old",
      tags: ["signing keys"],
      request: { params: appParam },
      responses: {
        200: jsonResponse(signingKeysSchema, "Only the newest key verifies and signs from now on"),
        ...errors,
      },
    }),
    async (c) => c.json(await removeOldSigningKeys(c.var.ctx, c.req.valid("param").app), 200),
  );
  return router;
}
