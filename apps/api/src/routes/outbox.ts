import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { listOf, pageQuery, problemResponse } from "@support/contract";
import { AppError, CHANNEL_KINDS } from "@support/core";
import { getApp, listSandboxMessages } from "@support/db";
import { requireCaller } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { validationHook } from "../validation.js";

const sandboxMessageSchema = z
  .object({
    id: z.string(),
    appId: z.string(),
    conversationId: z.string(),
    channel: z.string(),
    recipient: z.string().nullable(),
    subject: z.string().nullable(),
    text: z.string(),
    html: z.string().nullable(),
    sandbox: z.literal(true),
    createdAt: z.string(),
  })
  .openapi("SandboxMessage");

/** The sandbox outbox: what would have been sent by channels that have no credentials. */
export function outboxRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);
  router.openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["outbox"],
      request: {
        query: pageQuery.extend({
          app: z.string().min(1).max(100),
          channel: z.enum(CHANNEL_KINDS as [string, ...string[]]).optional(),
        }),
      },
      responses: {
        200: { description: "Newest first", content: { "application/json": { schema: listOf(sandboxMessageSchema) } } },
        400: problemResponse("Invalid input"),
        401: problemResponse("Missing or invalid credentials"),
        404: problemResponse("No such app in this organization"),
      },
    }),
    async (c) => {
      const { runtime, principal } = c.var;
      const { app: ref, channel, cursor, limit } = c.req.valid("query");
      const app = await getApp(runtime.database.db, principal.orgId, ref);
      if (!app) throw new AppError("not_found", `app "${ref}" not found`);
      const page = await listSandboxMessages(runtime.database.db, principal.orgId, {
        appId: app.id,
        channel,
        cursor,
        limit,
      });
      return c.json(
        {
          data: page.data.map((m) => ({
            id: m.id,
            appId: m.appId,
            conversationId: m.conversationId,
            channel: m.channelKind,
            recipient: m.recipient,
            subject: m.subject,
            text: m.text,
            html: m.html,
            sandbox: true as const,
            createdAt: m.createdAt.toISOString(),
          })),
          nextCursor: page.nextCursor,
        },
        200,
      );
    },
  );
  return router;
}
