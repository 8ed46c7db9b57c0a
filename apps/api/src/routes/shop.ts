import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import {
  appParam,
  jsonResponse,
  problemResponse,
  shopMetricsQuery,
  shopMetricsSchema,
  shopSettingsPatch,
  shopSettingsSchema,
} from "@support/contract";
import { shopMetrics, shopSettingsOf, updateShopSettings } from "@support/core";
import { requireCaller } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { validationHook } from "../validation.js";

const errors = {
  400: problemResponse("Invalid input"),
  401: problemResponse("Missing or invalid credentials"),
  403: problemResponse("Role too low"),
  404: problemResponse("No such app in this organization"),
};

/** A shop's settings (issue 16): tax, delivery, quote validity, payment, logo, approval threshold, owner notice. */
export function shopRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);

  router.openapi(
    createRoute({
      method: "get",
      path: "/{app}/shop",
      tags: ["catalogue"],
      summary: "The shop's settings, defaults included",
      request: { params: appParam },
      responses: { 200: jsonResponse(shopSettingsSchema, "The settings"), ...errors },
    }),
    async (c) => c.json(await shopSettingsOf(c.var.ctx, c.req.valid("param").app), 200),
  );

  router.openapi(
    createRoute({
      method: "patch",
      path: "/{app}/shop",
      tags: ["catalogue"],
      summary: "Change the given settings (admins); quotes made after use them",
      request: {
        params: appParam,
        body: { content: { "application/json": { schema: shopSettingsPatch } }, required: true },
      },
      responses: { 200: jsonResponse(shopSettingsSchema, "The settings"), ...errors },
    }),
    async (c) => c.json(await updateShopSettings(c.var.ctx, c.req.valid("param").app, c.req.valid("json")), 200),
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/{app}/shop/metrics",
      tags: ["catalogue"],
      summary:
        "How the shop sells over a period: automatic answers, lead → quote → order, escalations, first answer time",
      request: { params: appParam, query: shopMetricsQuery },
      responses: { 200: jsonResponse(shopMetricsSchema, "The figures, each with what it counts"), ...errors },
    }),
    async (c) => c.json(await shopMetrics(c.var.ctx, c.req.valid("param").app, c.req.valid("query")), 200),
  );

  return router;
}
