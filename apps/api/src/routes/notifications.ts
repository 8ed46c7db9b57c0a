import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { problemResponse } from "@support/contract";
import { ATTENTION_KINDS, dismissAttention, needsAttention } from "@support/core";
import { requireCaller } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { validationHook } from "../validation.js";

const attentionSchema = z
  .object({
    id: z.string(),
    kind: z.enum(ATTENTION_KINDS),
    appId: z.string().nullable(),
    conversationId: z.string().nullable(),
    draftId: z.string().nullable(),
    reason: z.string(),
    postedToSlack: z.boolean().openapi({ description: "Whether Slack was told too (false without Slack)" }),
    createdAt: z.string(),
  })
  .openapi("Notification");

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
        200: {
          description: "Open notifications",
          content: { "application/json": { schema: z.object({ data: z.array(attentionSchema) }) } },
        },
        ...errors,
      },
    }),
    async (c) => c.json({ data: await needsAttention(c.var.runtime.database.db, c.var.principal.orgId) }, 200),
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{id}/dismiss",
      tags: ["notifications"],
      request: { params: z.object({ id: z.string().min(1).max(100) }) },
      responses: {
        204: { description: "Dismissed" },
        404: problemResponse("No such notification in this organization"),
        409: problemResponse("Already dismissed; nothing changed"),
        ...errors,
      },
    }),
    async (c) => {
      const { runtime, principal } = c.var;
      await dismissAttention(runtime.database.db, principal.orgId, c.req.valid("param").id, principal.actor);
      return c.body(null, 204);
    },
  );
  return router;
}
