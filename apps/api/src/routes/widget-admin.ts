import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import {
  appParam,
  jsonResponse,
  problemResponse,
  widgetConfigBody,
  widgetConfigSchema,
  widgetSecretSchema,
} from "@support/contract";
import { configureWidget, describeWidget, rotateWidgetSecret } from "@support/core";
import { requireCaller } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { validationHook } from "../validation.js";

const errors = {
  401: problemResponse("Missing or invalid credentials"),
  403: problemResponse("Needs the admin role"),
  404: problemResponse("No such app in this organization"),
};

/** The app's chat widget: its allowed origins, plan tiers and texts, and its secret (admins). */
export function widgetAdminRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);

  router.openapi(
    createRoute({
      method: "get",
      path: "/{app}/widget",
      tags: ["widget"],
      request: { params: appParam },
      responses: { 200: jsonResponse(widgetConfigSchema, "The widget's setup and snippet"), ...errors },
    }),
    async (c) => c.json(await describeWidget(c.var.ctx, c.req.valid("param").app), 200),
  );

  router.openapi(
    createRoute({
      method: "patch",
      path: "/{app}/widget",
      tags: ["widget"],
      request: {
        params: appParam,
        body: { content: { "application/json": { schema: widgetConfigBody } }, required: true },
      },
      responses: {
        200: jsonResponse(widgetConfigSchema, "The changed setup"),
        400: problemResponse("Invalid input"),
        ...errors,
      },
    }),
    async (c) => c.json(await configureWidget(c.var.ctx, c.req.valid("param").app, c.req.valid("json")), 200),
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{app}/widget/secret/rotate",
      tags: ["widget"],
      request: { params: appParam },
      responses: {
        200: jsonResponse(
          widgetSecretSchema,
          "The new secret (shown once); the previous one verifies until the next rotation",
        ),
        ...errors,
      },
    }),
    async (c) => c.json(await rotateWidgetSecret(c.var.ctx, c.req.valid("param").app), 200),
  );
  return router;
}
