import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { idParam, jsonResponse, notificationSchema, problemResponse } from "@support/contract";
import { dismissAttention, needsAttention } from "@support/core";
import { requireCaller } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { validationHook } from "../validation.js";

const errors = {
  400: problemResponse("Invalid input"),
  401: problemResponse("Missing or invalid credentials"),
};

/**
 * `/api/v1/notifications`: what needs a person (escalations, failed sends, approval reminders),
 * the dashboard's "Needs attention" list; dismissing one takes it off the list for everyone.
 */
export function notificationRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);

  router.openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["notifications"],
      description: "Open notifications, newest first (at most 50). New ones arrive as `notification.created` events.",
      responses: {
        200: jsonResponse(z.object({ data: z.array(notificationSchema) }), "Open notifications"),
        ...errors,
      },
    }),
    async (c) => c.json({ data: await needsAttention(c.var.ctx) }, 200),
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{id}/dismiss",
      tags: ["notifications"],
      request: { params: idParam },
      responses: {
        204: { description: "Dismissed" },
        404: problemResponse("No such notification in this organization"),
        409: problemResponse("Already dismissed; nothing changed"),
        ...errors,
      },
    }),
    async (c) => {
      await dismissAttention(c.var.ctx, c.req.valid("param").id);
      return c.body(null, 204);
    },
  );
  return router;
}
