import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import {
  channelKindSchema,
  conversationDetailSchema,
  conversationSchema,
  conversationsQuery,
  deliverySchema,
  idParam,
  jsonResponse,
  listOf,
  personReplyInput,
  problemResponse,
  replaySchema,
} from "@support/contract";
import {
  conversationDetail,
  listConversationViews,
  releaseConversation,
  replayConversation,
  replyAsPerson,
  takeOverConversation,
} from "@support/core";
import { requireCaller } from "../auth.js";
import type { ApiEnv } from "../context.js";
import { validationHook } from "../validation.js";

const errors = {
  400: problemResponse("Invalid input"),
  401: problemResponse("Missing or invalid credentials"),
  404: problemResponse("Not found in this organization"),
};

/** Conversations: any member reads them and replays the drafting steps on one. */
export function conversationRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("*", requireCaller);

  router.openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["conversations"],
      request: { query: conversationsQuery.extend({ channel: channelKindSchema.optional() }) },
      responses: { 200: jsonResponse(listOf(conversationSchema), "Newest first"), ...errors },
    }),
    async (c) => {
      const { app, channel: kind, status, limit, cursor } = c.req.valid("query");
      return c.json(await listConversationViews(c.var.ctx, { app, channel: kind, status }, { limit, cursor }), 200);
    },
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/{id}",
      tags: ["conversations"],
      request: { params: idParam },
      responses: { 200: jsonResponse(conversationDetailSchema, "The conversation"), ...errors },
    }),
    async (c) => c.json(await conversationDetail(c.var.ctx, c.req.valid("param").id), 200),
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{id}/replay",
      tags: ["conversations"],
      description:
        "Runs the drafting steps again on the conversation's latest customer message and answers what each produced. Nothing is stored or sent (`skill replay`).",
      request: { params: idParam },
      responses: {
        200: jsonResponse(replaySchema, "What each step produced"),
        409: problemResponse("The conversation has no customer message to answer"),
        ...errors,
      },
    }),
    async (c) => c.json(await replayConversation(c.var.ctx, c.req.valid("param").id), 200),
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{id}/replies",
      tags: ["conversations"],
      description:
        "A person replies on the conversation's own channel, whatever its state (escalated, declined, failed, new). The same `idempotencyKey` sends once. A vendor failure answers 201 with a `failed` delivery (resend it with `POST /api/v1/deliveries/{id}/resend`).",
      request: {
        params: idParam,
        body: { content: { "application/json": { schema: personReplyInput } }, required: true },
      },
      responses: {
        201: jsonResponse(deliverySchema, "The delivery, sent or failed"),
        409: problemResponse("WhatsApp's 24-hour window is closed and no approved template is configured"),
        ...errors,
      },
    }),
    async (c) => c.json(await replyAsPerson(c.var.ctx, c.req.valid("param").id, c.req.valid("json")), 201),
  );

  for (const [path, service, description] of [
    [
      "/{id}/takeover",
      takeOverConversation,
      "A person takes the conversation over: the AI drafts nothing on it until it is released; pending drafts are withdrawn.",
    ],
    ["/{id}/release", releaseConversation, "Hands the conversation back to the AI."],
  ] as const) {
    router.openapi(
      createRoute({
        method: "post",
        path,
        tags: ["conversations"],
        description,
        request: { params: idParam },
        responses: { 200: jsonResponse(conversationSchema, "The conversation"), ...errors },
      }),
      async (c) => c.json(await service(c.var.ctx, c.req.valid("param").id), 200),
    );
  }
  return router;
}
