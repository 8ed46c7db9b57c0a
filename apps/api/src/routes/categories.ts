import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { appParam, jsonResponse, problemResponse, triageConfigBody, triageConfigSchema } from "@support/contract";
import { resetTriageConfig, setTriageConfig, showTriageConfig } from "@support/core";
import { requireCaller } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { validationHook } from "../validation.js";

const errors = {
  401: problemResponse("Missing or invalid credentials"),
  403: problemResponse("Role too low"),
  404: problemResponse("No such app in this organization"),
};

/** An app's own triage categories, threshold and fallback (ADR 0110). */
export function categoryRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);

  router.openapi(
    createRoute({
      method: "get",
      path: "/{app}/categories",
      tags: ["procedures"],
      request: { params: appParam },
      responses: { 200: jsonResponse(triageConfigSchema, "The app's categories, or the built-in ones"), ...errors },
    }),
    async (c) => c.json(await showTriageConfig(c.var.ctx, c.req.valid("param").app), 200),
  );

  router.openapi(
    createRoute({
      method: "put",
      path: "/{app}/categories",
      tags: ["procedures"],
      request: {
        params: appParam,
        body: { required: true, content: { "application/json": { schema: triageConfigBody } } },
      },
      responses: {
        200: jsonResponse(triageConfigSchema, "Saved; triage uses them from the next message"),
        400: problemResponse("Invalid categories, named by field"),
        ...errors,
      },
    }),
    async (c) => c.json(await setTriageConfig(c.var.ctx, c.req.valid("param").app, c.req.valid("json")), 200),
  );

  router.openapi(
    createRoute({
      method: "delete",
      path: "/{app}/categories",
      tags: ["procedures"],
      request: { params: appParam },
      responses: { 200: jsonResponse(triageConfigSchema, "Back to the built-in categories"), ...errors },
    }),
    async (c) => c.json(await resetTriageConfig(c.var.ctx, c.req.valid("param").app), 200),
  );
  return router;
}
