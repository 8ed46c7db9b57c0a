import { randomUUID } from "node:crypto";
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Runtime } from "@support/core";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import type { Logger } from "pino";
import type { ApiEnv } from "./context.js";
import { problem, problemFromError } from "./problem.js";
import { appsRoutes } from "./routes/apps.js";
import { auditRoutes } from "./routes/audit.js";
import { autonomyRoutes } from "./routes/autonomy.js";
import { channelRoutes } from "./routes/channels.js";
import { conversationRoutes } from "./routes/conversations.js";
import { draftRoutes } from "./routes/drafts.js";
import { healthRoutes } from "./routes/health.js";
import { integrationRoutes } from "./routes/integrations.js";
import { keysRoutes } from "./routes/keys.js";
import { outboxRoutes } from "./routes/outbox.js";
import { publicFormRoutes } from "./routes/public-form.js";
import { stripeAppRoutes, stripePublicRoutes } from "./routes/stripe.js";
import { webhookRoutes } from "./routes/webhooks.js";

/** Builds the whole HTTP surface from its services; tests and main.ts both call this. */
export function createApi(runtime: Runtime, logger: Logger) {
  const api = new OpenAPIHono<ApiEnv>();

  api.use("*", async (c, next) => {
    const incoming = c.req.header("x-request-id");
    const requestId = incoming && /^[\w-]{1,100}$/.test(incoming) ? incoming : randomUUID();
    c.set("requestId", requestId);
    c.set("runtime", runtime);
    c.set("logger", logger);
    c.header("x-request-id", requestId);
    const started = performance.now();
    await next();
    // Method, route and status only: paths may carry slugs but never bodies, keys or tokens.
    logger.info(
      {
        requestId,
        method: c.req.method,
        path: c.req.routePath,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      "request",
    );
  });
  api.use(
    "*",
    bodyLimit({
      maxSize: runtime.config.bodyLimitBytes,
      onError: (c) => problem(c, "payload_too_large", `The body exceeds ${runtime.config.bodyLimitBytes} bytes.`),
    }),
  );

  api.on(["GET", "POST"], "/api/auth/*", (c) => runtime.auth.handler(c.req.raw));
  api.route("/", healthRoutes());
  api.route("/", stripePublicRoutes());
  api.route("/webhooks", webhookRoutes());
  api.route("/", publicFormRoutes());
  api.route("/api/v1/apps", appsRoutes());
  api.route(
    "/api/v1/apps",
    channelRoutes(async (request) => {
      const res = await api.request(request.path, {
        method: request.method,
        headers: request.headers,
        body: request.body,
      });
      return { status: res.status, body: await res.json().catch(() => ({})) };
    }),
  );
  api.route("/api/v1/conversations", conversationRoutes());
  api.route("/api/v1/apps", autonomyRoutes());
  api.route("/api/v1/apps", integrationRoutes());
  api.route("/api/v1/apps", stripeAppRoutes());
  api.route("/api/v1/drafts", draftRoutes());
  api.route("/api/v1/outbox", outboxRoutes());
  api.route("/api/v1/audit", auditRoutes());
  api.route("/api/v1/keys", keysRoutes());

  api.doc31("/openapi.json", { openapi: "3.1.0", info: { title: "Support platform API", version: "1" } });
  api.openAPIRegistry.registerComponent("securitySchemes", "apiKey", { type: "http", scheme: "bearer" });

  api.notFound((c) => problem(c, "not_found", `No route for ${c.req.method} ${c.req.path}.`));
  api.onError((error, c) => {
    // Hono's validators raise HTTPException(400) for a body that is not JSON at all.
    if (error instanceof HTTPException && error.status === 400)
      return problem(c, "invalid_input", "The body is not valid JSON.");
    return problemFromError(c, error);
  });
  return api;
}
