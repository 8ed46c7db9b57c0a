import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { channelKindSchema, listOf, pageQuery, problemResponse } from "@support/contract";
import { conversationDetail, findConversations } from "@support/core";
import { requireCaller } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { validationHook } from "../validation.js";

const conversationSchema = z
  .object({
    id: z.string(),
    appId: z.string(),
    contactId: z.string(),
    channel: z.string(),
    externalId: z.string(),
    subject: z.string().nullable(),
    status: z.string(),
    assignee: z.string().nullable(),
    tags: z.array(z.string()),
    lastMessageAt: z.string(),
    createdAt: z.string(),
  })
  .openapi("Conversation");

const messageSchema = z
  .object({
    id: z.string(),
    direction: z.enum(["inbound", "outbound", "internal"]),
    authorKind: z.string(),
    authorName: z.string().nullable(),
    kind: z.string(),
    externalId: z.string().nullable(),
    text: z.string(),
    html: z.string().nullable(),
    attachments: z.array(z.unknown()),
    metadata: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
  })
  .openapi("Message");

const detailSchema = conversationSchema
  .extend({
    contact: z
      .object({
        id: z.string(),
        name: z.string().nullable(),
        email: z.string().nullable(),
        phone: z.string().nullable(),
        externalId: z.string().nullable(),
      })
      .nullable(),
    messages: z.array(messageSchema),
    deliveries: z.array(
      z.object({
        id: z.string(),
        channel: z.string(),
        status: z.enum(["queued", "sent", "delivered", "read", "failed"]),
        sandbox: z.boolean(),
        attempts: z.number(),
        vendorMessageId: z.string().nullable(),
        failureReason: z.string().nullable(),
        sentAt: z.string().nullable(),
        deliveredAt: z.string().nullable(),
        readAt: z.string().nullable(),
        createdAt: z.string(),
      }),
    ),
    rawEvents: z.array(
      z.object({
        id: z.string(),
        channel: z.string(),
        vendorEventId: z.string(),
        eventType: z.string(),
        status: z.string(),
        reason: z.string().nullable(),
        bytes: z.number(),
        receivedAt: z.string(),
      }),
    ),
  })
  .openapi("ConversationDetail");

const errors = {
  400: problemResponse("Invalid input"),
  401: problemResponse("Missing or invalid credentials"),
  404: problemResponse("Not found in this organization"),
};

export function conversationRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);

  router.openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["conversations"],
      request: {
        query: pageQuery.extend({
          app: z.string().min(1).max(100).optional(),
          channel: channelKindSchema.optional(),
          status: z.enum(["open", "closed"]).optional(),
        }),
      },
      responses: {
        200: { description: "Newest first", content: { "application/json": { schema: listOf(conversationSchema) } } },
        ...errors,
      },
    }),
    async (c) => {
      const { runtime, principal } = c.var;
      const { app, channel: kind, status, limit, cursor } = c.req.valid("query");
      const page = await findConversations(
        runtime.database.db,
        principal.orgId,
        { app, channel: kind, status },
        { limit, cursor },
      );
      return c.json(page, 200);
    },
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/{id}",
      tags: ["conversations"],
      request: { params: z.object({ id: z.string().min(1).max(100) }) },
      responses: {
        200: { description: "The conversation", content: { "application/json": { schema: detailSchema } } },
        ...errors,
      },
    }),
    async (c) => {
      const { runtime, principal } = c.var;
      const detail = await conversationDetail(runtime.database.db, principal.orgId, c.req.valid("param").id);
      return c.json(detail as z.infer<typeof detailSchema>, 200);
    },
  );
  return router;
}
