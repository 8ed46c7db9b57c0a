import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import {
  jsonResponse,
  problemResponse,
  widgetAppParam,
  widgetConversationSchema,
  widgetDeflectBody,
  widgetFileSchema,
  widgetMessageBody,
  widgetMessageSchema,
  widgetOkSchema,
  widgetRatingBody,
  widgetSessionBody,
  widgetSessionSchema,
  widgetSuggestionsSchema,
  widgetSuggestQuery,
  widgetUploadForm,
} from "@support/contract";
import {
  findWidgetApp,
  isAllowedOrigin,
  postWidgetMessage,
  rateWidgetReply,
  recordDeflection,
  requestPerson,
  startWidgetSession,
  suggestArticles,
  uploadWidgetFile,
  widgetHistory,
} from "@support/core";
import { createMiddleware } from "hono/factory";
import { callerAddress } from "../client.js";
import type { ApiEnv } from "../context.js";
import { validationHook } from "../validation.js";
import { widgetStream } from "./widget-stream.js";
import { visitorOf } from "./widget-visitor.js";

const errors = {
  400: problemResponse("Invalid input"),
  401: problemResponse("No valid session (or identity)"),
  403: problemResponse("The page's origin may not use this app's widget"),
  404: problemResponse("No such app, or its widget is off"),
  413: problemResponse("The file is larger than the limit"),
  415: problemResponse("Not an image (PNG, JPEG, GIF, WebP) or a PDF, by its bytes"),
  429: problemResponse("Rate limited (per address, visitor and app)"),
};
const session = [{ widgetSession: [] }];

/**
 * CORS and framing for one app's widget: only the app's allowed origins get
 * `Access-Control-Allow-Origin` (and a preflight answer), and `frame-ancestors` names them, so
 * no other site can call the routes from a browser or frame them. The services check the origin
 * again before doing anything.
 */
const widgetCors = createMiddleware<ApiEnv>(async (c, next) => {
  const origin = c.req.header("origin");
  const found = await findWidgetApp(c.var.runtime.platform, c.req.param("app") ?? "").catch(() => undefined);
  const allowed = found && isAllowedOrigin(found.setup, origin) ? origin : undefined;
  const headers: Record<string, string> = {
    vary: "Origin",
    "cache-control": "no-store",
    "content-security-policy": `frame-ancestors ${found?.setup.allowedOrigins.join(" ") || "'none'"}`,
    "x-content-type-options": "nosniff",
  };
  if (allowed) headers["access-control-allow-origin"] = allowed;
  if (c.req.method === "OPTIONS") {
    if (!allowed) return c.body(null, 403, headers);
    return c.body(null, 204, {
      ...headers,
      "access-control-allow-methods": "GET, POST",
      "access-control-allow-headers": "authorization, content-type, last-event-id",
      "access-control-max-age": "600",
    });
  }
  await next();
  for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
});

/**
 * The widget's public routes, `/widget/v1/{app}/…`: a browser on an allowed page starts a
 * session, then writes, reads its history, streams replies, rates them, asks for a person and
 * gets suggestions. No API key: the session token (signed with the app's widget secret) is the
 * visitor's only key, and it opens only the visitor's own conversation.
 */
export function widgetRoutes() {
  const router = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
  router.use("/:app/*", widgetCors);
  router.options("/:app/*", (c) => c.body(null, 204));

  router.openapi(
    createRoute({
      method: "post",
      path: "/{app}/session",
      tags: ["widget"],
      request: {
        params: widgetAppParam,
        body: { content: { "application/json": { schema: widgetSessionBody } }, required: true },
      },
      responses: { 200: jsonResponse(widgetSessionSchema, "The visitor's session"), ...errors },
    }),
    async (c) =>
      c.json(
        await startWidgetSession(c.var.runtime.platform, {
          appId: c.req.valid("param").app,
          origin: c.req.header("origin"),
          ip: callerAddress(c),
          request: c.req.valid("json"),
        }),
        200,
      ),
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/{app}/conversation",
      tags: ["widget"],
      security: session,
      request: { params: widgetAppParam },
      responses: { 200: jsonResponse(widgetConversationSchema, "The visitor's messages, oldest first"), ...errors },
    }),
    async (c) => c.json(await widgetHistory(c.var.runtime.platform, await visitorOf(c)), 200),
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{app}/messages",
      tags: ["widget"],
      security: session,
      request: {
        params: widgetAppParam,
        body: { content: { "application/json": { schema: widgetMessageBody } }, required: true },
      },
      responses: { 201: jsonResponse(widgetMessageSchema, "Stored (once per message id)"), ...errors },
    }),
    async (c) => c.json(await postWidgetMessage(c.var.runtime.platform, await visitorOf(c), c.req.valid("json")), 201),
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{app}/ratings",
      tags: ["widget"],
      security: session,
      request: {
        params: widgetAppParam,
        body: { content: { "application/json": { schema: widgetRatingBody } }, required: true },
      },
      responses: { 200: jsonResponse(widgetMessageSchema, "The rated reply"), ...errors },
    }),
    async (c) => c.json(await rateWidgetReply(c.var.runtime.platform, await visitorOf(c), c.req.valid("json")), 200),
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{app}/person",
      tags: ["widget"],
      security: session,
      request: { params: widgetAppParam },
      responses: { 200: jsonResponse(widgetConversationSchema, "Escalated to the team"), ...errors },
    }),
    async (c) => c.json(await requestPerson(c.var.runtime.platform, await visitorOf(c)), 200),
  );

  router.openapi(
    createRoute({
      method: "get",
      path: "/{app}/suggestions",
      tags: ["widget"],
      request: { params: widgetAppParam, query: widgetSuggestQuery },
      responses: { 200: jsonResponse(widgetSuggestionsSchema, "Published articles that may answer"), ...errors },
    }),
    async (c) => {
      const data = await suggestArticles(c.var.runtime.platform, {
        appId: c.req.valid("param").app,
        origin: c.req.header("origin"),
        ip: callerAddress(c),
        query: c.req.valid("query").q,
      });
      return c.json({ data }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{app}/deflections",
      tags: ["widget"],
      security: session,
      request: {
        params: widgetAppParam,
        body: { content: { "application/json": { schema: widgetDeflectBody } }, required: true },
      },
      responses: { 200: jsonResponse(widgetOkSchema, "Closed as answered by the article"), ...errors },
    }),
    async (c) => {
      await recordDeflection(c.var.runtime.platform, await visitorOf(c), c.req.valid("json"));
      return c.json({ ok: true as const }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: "post",
      path: "/{app}/files",
      tags: ["widget"],
      summary: "Upload a file for the visitor's next message (an image or a PDF, told by its bytes)",
      security: session,
      request: {
        params: widgetAppParam,
        body: { content: { "multipart/form-data": { schema: widgetUploadForm } }, required: true },
      },
      responses: { 201: jsonResponse(widgetFileSchema, "Stored; send its id in the message's attachments"), ...errors },
    }),
    async (c) => {
      const visitor = await visitorOf(c);
      const { file } = c.req.valid("form");
      const bytes = new Uint8Array(await file.arrayBuffer());
      return c.json(await uploadWidgetFile(c.var.runtime.platform, visitor, { name: file.name, bytes }), 201);
    },
  );

  router.get("/:app/events", widgetStream);
  return router;
}
