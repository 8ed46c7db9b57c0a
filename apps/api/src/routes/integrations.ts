import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { problemResponse } from "@support/contract";
import {
  actionPolicySchema,
  checkIntegrationHealth,
  describeIntegrationOf,
  executeAction,
  finishSecretRotation,
  integrateApp,
  rotateIntegrationSecret,
} from "@support/core";
import { getApp } from "@support/db";
import { requireCaller, requireRole } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { validationHook } from "../validation.js";

const integrationSchema = z
  .object({
    appId: z.string(),
    url: z.string(),
    activeSecrets: z.number().openapi({ description: "2 while a secret rotation overlaps, else 1." }),
    policy: actionPolicySchema,
    capabilities: z.array(z.string()).nullable(),
    checkedAt: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi("Integration");

const withSecret = z
  .object({
    integration: integrationSchema,
    secret: z.string().optional().openapi({ description: "Only when generated: shown once, never readable later." }),
  })
  .openapi("IntegrationWithSecret");

const healthSchema = z
  .object({
    ok: z.boolean(),
    url: z.string(),
    latencyMs: z.number(),
    sdkVersion: z.string().optional(),
    capabilities: z.array(z.string()).optional(),
    error: z.object({ kind: z.string(), message: z.string(), status: z.number().optional() }).optional(),
  })
  .openapi("IntegrationHealth");

const executionSchema = z
  .object({
    executed: z
      .boolean()
      .openapi({ description: "False when an earlier request already ran it; its record is returned." }),
    execution: z.object({
      id: z.string(),
      draftId: z.string(),
      action: z.string(),
      input: z.unknown(),
      status: z.enum(["running", "succeeded", "failed"]),
      result: z.unknown(),
      error: z.string().nullable(),
      idempotencyKey: z.string(),
    }),
  })
  .openapi("ActionExecution");

const appParam = z.object({ app: z.string().min(1).max(100) });
const errors = {
  400: problemResponse("Invalid input"),
  401: problemResponse("Missing or invalid credentials"),
  403: problemResponse("Role too low"),
  404: problemResponse("No such app, integration or draft in this organization"),
};
const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** The product app's integration (BRIEF §4): where the platform calls it, with which secrets. */
export function integrationRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);
  const deps = (c: { var: ApiEnv["Variables"] }) => ({
    db: c.var.runtime.database.db,
    secrets: c.var.runtime.secrets,
  });

  router.openapi(
    createRoute({
      method: "get",
      path: "/{app}/integration",
      tags: ["integrations"],
      request: { params: appParam },
      responses: { 200: json(integrationSchema, "The integration, without its secrets"), ...errors },
    }),
    async (c) => c.json(await describeIntegrationOf(deps(c), c.var.principal.orgId, c.req.valid("param").app), 200),
  );

  router.openapi(
    createRoute({
      method: "put",
      path: "/{app}/integration",
      tags: ["integrations"],
      middleware: [requireRole("admin")] as const,
      request: {
        params: appParam,
        body: {
          content: {
            "application/json": {
              schema: z
                .object({
                  url: z.string().min(1).max(500),
                  secret: z.string().optional(),
                  policy: actionPolicySchema.optional(),
                })
                .strict(),
            },
          },
          required: true,
        },
      },
      responses: { 200: json(withSecret, "The integration, and the secret when one was generated"), ...errors },
    }),
    async (c) => {
      const { principal } = c.var;
      const result = await integrateApp(
        deps(c),
        principal.orgId,
        c.req.valid("param").app,
        c.req.valid("json"),
        principal.actor,
      );
      return c.json(result, 200);
    },
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{app}/integration/rotate",
      tags: ["integrations"],
      middleware: [requireRole("admin")] as const,
      request: {
        params: appParam,
        body: { content: { "application/json": { schema: z.object({ secret: z.string().optional() }).strict() } } },
      },
      responses: {
        200: json(withSecret.required({ secret: true }), "The new secret (shown once); the old one still signs"),
        ...errors,
      },
    }),
    async (c) => {
      const { principal } = c.var;
      const { secret } = c.req.header("content-type")?.includes("json") ? c.req.valid("json") : {};
      return c.json(
        await rotateIntegrationSecret(deps(c), principal.orgId, c.req.valid("param").app, { secret }, principal.actor),
        200,
      );
    },
  );

  router.openapi(
    createRoute({
      method: "delete",
      path: "/{app}/integration/old-secret",
      tags: ["integrations"],
      middleware: [requireRole("admin")] as const,
      request: { params: appParam },
      responses: { 200: json(integrationSchema, "Only the newest secret signs from now on"), ...errors },
    }),
    async (c) => {
      const { principal } = c.var;
      return c.json(
        await finishSecretRotation(deps(c), principal.orgId, c.req.valid("param").app, principal.actor),
        200,
      );
    },
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/{app}/integration/health",
      tags: ["integrations"],
      request: { params: appParam },
      responses: { 200: json(healthSchema, "What the app's describe call answered, or why it failed"), ...errors },
    }),
    async (c) => c.json(await checkIntegrationHealth(deps(c), c.var.principal.orgId, c.req.valid("param").app), 200),
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{app}/integration/actions",
      tags: ["integrations"],
      middleware: [requireRole("agent")] as const,
      request: {
        params: appParam,
        body: {
          content: {
            "application/json": {
              schema: z.object({ draftId: z.string().min(1), action: z.string().min(1), input: z.unknown() }).strict(),
            },
          },
          required: true,
        },
      },
      responses: {
        200: json(executionSchema, "The execution: run now, or the record of the earlier run"),
        409: problemResponse("The app has no integration"),
        ...errors,
      },
    }),
    async (c) => {
      const { principal } = c.var;
      const ref = c.req.valid("param").app;
      const app = await getApp(deps(c).db, principal.orgId, ref);
      const body = c.req.valid("json");
      const result = await executeAction(deps(c), {
        orgId: principal.orgId,
        appId: app?.id ?? ref,
        draftId: body.draftId,
        action: body.action,
        input: body.input,
      });
      return c.json(result, 200);
    },
  );

  return router;
}
