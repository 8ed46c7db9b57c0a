import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { analyticsQuery, analyticsSchema, jsonResponse, problemResponse } from "@support/contract";
import { analyticsReport } from "@support/core";
import { requireCaller } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { validationHook } from "../validation.js";

/** Analytics over a range of days: thin over `analyticsReport`. */
export function analyticsRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);
  router.openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["analytics"],
      request: { query: analyticsQuery },
      responses: {
        200: jsonResponse(analyticsSchema, "Figures per bucket and for the whole range, with each metric's definition"),
        400: problemResponse("Invalid range (reversed, or longer than 366 days)"),
        401: problemResponse("Missing or invalid credentials"),
        404: problemResponse("No such app in this organization"),
      },
    }),
    async (c) => c.json(await analyticsReport(c.var.ctx, c.req.valid("query")), 200),
  );
  return router;
}
