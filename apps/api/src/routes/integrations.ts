import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import {
  appParam,
  executeActionBody,
  executionResultSchema,
  integrateBody,
  integrationHealthSchema,
  integrationSchema,
  integrationWithSecretSchema,
  jsonResponse,
  problemResponse,
  rotatedIntegrationSchema,
  rotateIntegrationSecretBody,
} from "@support/contract";
import {
  checkIntegrationHealth,
  describeIntegrationOf,
  executeAction,
  finishSecretRotation,
  integrateApp,
  rotateIntegrationSecret,
} from "@support/core";
import { requireCaller } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { validationHook } from "../validation.js";

const errors = {
  400: problemResponse("Invalid input"),
  401: problemResponse("Missing or invalid credentials"),
  403: problemResponse("Role too low"),
  404: problemResponse("No such app, integration or draft in this organization"),
};

/** The product app's integration (BRIEF §4): where the platform calls it, with which secrets. */
export function integrationRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);

  router.openapi(
    createRoute({
      method: "get",
      path: "/{app}/integration",
      tags: ["integrations"],
      request: { params: appParam },
      responses: { 200: jsonResponse(integrationSchema, "The integration, without its secrets"), ...errors },
    }),
    async (c) => c.json(await describeIntegrationOf(c.var.ctx, c.req.valid("param").app), 200),
  );

  router.openapi(
    createRoute({
      method: "put",
      path: "/{app}/integration",
      tags: ["integrations"],
      request: {
        params: appParam,
        body: { content: { "application/json": { schema: integrateBody } }, required: true },
      },
      responses: {
        200: jsonResponse(integrationWithSecretSchema, "The integration, and the secret when one was generated"),
        ...errors,
      },
    }),
    async (c) => c.json(await integrateApp(c.var.ctx, c.req.valid("param").app, c.req.valid("json")), 200),
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{app}/integration/rotate",
      tags: ["integrations"],
      request: {
        params: appParam,
        body: { content: { "application/json": { schema: rotateIntegrationSecretBody } } },
      },
      responses: {
        200: jsonResponse(rotatedIntegrationSchema, "The new secret (shown once); the old one still signs"),
        ...errors,
      },
    }),
    async (c) => {
      // The body is optional: without one, a secret is generated.
      const { secret } = c.req.header("content-type")?.includes("json") ? c.req.valid("json") : {};
      return c.json(await rotateIntegrationSecret(c.var.ctx, c.req.valid("param").app, { secret }), 200);
    },
  );

  router.openapi(
    createRoute({
      method: "delete",
      path: "/{app}/integration/old-secret",
      tags: ["integrations"],
      request: { params: appParam },
      responses: { 200: jsonResponse(integrationSchema, "Only the newest secret signs from now on"), ...errors },
    }),
    async (c) => c.json(await finishSecretRotation(c.var.ctx, c.req.valid("param").app), 200),
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/{app}/integration/health",
      tags: ["integrations"],
      request: { params: appParam },
      responses: {
        200: jsonResponse(integrationHealthSchema, "What the app's describe call answered, or why it failed"),
        ...errors,
      },
    }),
    async (c) => c.json(await checkIntegrationHealth(c.var.ctx, c.req.valid("param").app), 200),
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{app}/integration/actions",
      tags: ["integrations"],
      description:
        "Admins only: runs now an action that an approved draft proposed, with exactly its input (ADR 0101). Actions otherwise run with the approval.",
      request: {
        params: appParam,
        body: { content: { "application/json": { schema: executeActionBody } }, required: true },
      },
      responses: {
        200: jsonResponse(executionResultSchema, "The execution: run now, or the record of the earlier run"),
        409: problemResponse("The draft is not approved"),
        ...errors,
      },
    }),
    async (c) => c.json(await executeAction(c.var.ctx, { app: c.req.valid("param").app, ...c.req.valid("json") }), 200),
  );

  return router;
}
