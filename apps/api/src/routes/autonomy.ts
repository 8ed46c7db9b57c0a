import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import {
  appParam,
  jsonResponse,
  problemResponse,
  shadowReportSchema,
  trustHistoryQuery,
  trustHistorySchema,
  trustScoresSchema,
} from "@support/contract";
import { shadowForApp, trustForApp, trustHistory } from "@support/core";
import { requireCaller } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { validationHook } from "../validation.js";

const errors = {
  401: problemResponse("Missing or invalid credentials"),
  404: problemResponse("No such app in this organization"),
};

/** Trust per category (now and day by day) and the shadow-mode report, computed from stored outcomes. */
export function autonomyRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);
  router.openapi(
    createRoute({
      method: "get",
      path: "/{app}/trust",
      tags: ["autonomy"],
      request: { params: appParam },
      responses: {
        200: jsonResponse(trustScoresSchema, "Decayed trust per category (30-day half-life) with sample counts"),
        ...errors,
      },
    }),
    async (c) => c.json({ data: await trustForApp(c.var.ctx, c.req.valid("param").app) }, 200),
  );
  router.openapi(
    createRoute({
      method: "get",
      path: "/{app}/trust/history",
      tags: ["autonomy"],
      request: { params: appParam, query: trustHistoryQuery },
      responses: {
        200: jsonResponse(
          trustHistorySchema,
          "Trust per category at the end of each day (now, for today), by the same function and window the decisions use",
        ),
        400: problemResponse("Invalid range"),
        ...errors,
      },
    }),
    async (c) => c.json(await trustHistory(c.var.ctx, c.req.valid("param").app, c.req.valid("query")), 200),
  );
  router.openapi(
    createRoute({
      method: "get",
      path: "/{app}/shadow",
      tags: ["autonomy"],
      request: { params: appParam },
      responses: {
        200: jsonResponse(shadowReportSchema, "Would-have-auto-sent precision and coverage per category"),
        ...errors,
      },
    }),
    async (c) => c.json({ data: await shadowForApp(c.var.ctx, c.req.valid("param").app) }, 200),
  );
  return router;
}
