import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { jsonResponse, problemResponse, slackConnectBody, slackSchema } from "@support/contract";
import { configureSlack, describeSlack } from "@support/core";
import { requireCaller } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { validationHook } from "../validation.js";

const errors = {
  400: problemResponse("Invalid input"),
  401: problemResponse("Missing or invalid credentials"),
  403: problemResponse("Role too low"),
};

/** The organization's Slack connection (`skill slack connect` and the dashboard). */
export function slackConfigRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);

  router.openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["slack"],
      responses: { 200: jsonResponse(slackSchema, "The Slack connection"), ...errors },
    }),
    async (c) => c.json(await describeSlack(c.var.ctx), 200),
  );

  router.openapi(
    createRoute({
      method: "put",
      path: "/",
      tags: ["slack"],
      request: { body: { content: { "application/json": { schema: slackConnectBody } }, required: true } },
      responses: {
        200: jsonResponse(slackSchema, "The Slack connection"),
        404: problemResponse("No such app in this organization"),
        ...errors,
      },
    }),
    async (c) => c.json(await configureSlack(c.var.ctx, c.req.valid("json")), 200),
  );
  return router;
}
