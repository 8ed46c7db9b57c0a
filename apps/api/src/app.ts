import { randomUUID } from "node:crypto";
import { OpenAPIHono } from "@hono/zod-openapi";
import { limitSignIn } from "@support/core";
import type { Product } from "@support/product";
import { createSlackReceiver } from "@support/slack";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import type { Logger } from "pino";
import { callerAddress } from "./client.js";
import type { ApiEnv } from "./context.js";
import { problem, problemFromError } from "./problem.js";
import { analyticsRoutes } from "./routes/analytics.js";
import { appsRoutes } from "./routes/apps.js";
import { auditRoutes } from "./routes/audit.js";
import { autonomyRoutes } from "./routes/autonomy.js";
import { billingRoutes, billingWebhookRoutes } from "./routes/billing.js";
import { categoryRoutes } from "./routes/categories.js";
import { channelRoutes } from "./routes/channels.js";
import { contactRoutes } from "./routes/contacts.js";
import { conversationFileRoutes } from "./routes/conversation-files.js";
import { conversationRoutes } from "./routes/conversations.js";
import { deliveryRoutes } from "./routes/deliveries.js";
import { draftRoutes } from "./routes/drafts.js";
import { eventRoutes, eventsRouteDoc } from "./routes/events.js";
import { frontPluginApiRoutes, frontPluginConfigRoutes } from "./routes/front-plugin.js";
import { frontPluginPageRoutes } from "./routes/front-plugin-page.js";
import { healthRoutes } from "./routes/health.js";
import { integrationRoutes } from "./routes/integrations.js";
import { keysRoutes } from "./routes/keys.js";
import { knowledgeRoutes } from "./routes/knowledge.js";
import { leadRoutes } from "./routes/leads.js";
import { notificationRoutes } from "./routes/notifications.js";
import { outboxRoutes } from "./routes/outbox.js";
import { procedureRoutes } from "./routes/procedures.js";
import { productRoutes } from "./routes/products.js";
import { publicFormRoutes } from "./routes/public-form.js";
import { quoteRoutes } from "./routes/quotes.js";
import { ratingRoutes } from "./routes/ratings.js";
import { runRoutes } from "./routes/runs.js";
import { shopRoutes } from "./routes/shop.js";
import { signingKeyRoutes } from "./routes/signing-keys.js";
import { slackRoutes } from "./routes/slack.js";
import { slackConfigRoutes } from "./routes/slack-config.js";
import { stripeAppRoutes, stripePublicRoutes } from "./routes/stripe.js";
import { taskConnectionRoutes, taskRoutes } from "./routes/tasks.js";
import { webRoutes } from "./routes/web.js";
import { webhookRoutes } from "./routes/webhooks.js";
import { widgetRoutes } from "./routes/widget.js";
import { widgetAdminRoutes } from "./routes/widget-admin.js";
import { widgetAssetRoutes } from "./routes/widget-assets.js";
import { widgetEventsRouteDoc } from "./routes/widget-stream.js";

export interface ApiOptions {
  /** The built dashboard to serve at `/` (main.ts passes `apps/web/dist`); omitted in API-only tests. */
  webDist?: string;
  /** The built Front sidebar plugin to serve at `/front-plugin/` (main.ts passes `apps/front-plugin/dist`). */
  frontPluginDist?: string;
  /** The built chat widget to serve at `/widget.js` (main.ts passes `packages/widget/dist`). */
  widgetDist?: string;
}

/** The one route whose body may be larger than BODY_LIMIT_BYTES: a visitor's file. */
const WIDGET_UPLOAD = /^\/widget\/v1\/[^/]+\/files$/;

/** Builds the whole HTTP surface from its services; tests and main.ts both call this. */
export function createApi(runtime: Product, logger: Logger, options: ApiOptions = {}) {
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
  // A path that is not valid percent-encoding names nothing: refused before any route decodes it.
  api.use("*", async (c, next) => {
    try {
      decodeURI(new URL(c.req.url).pathname);
    } catch {
      return problem(c, "invalid_input", "The URL path is not valid percent-encoding.");
    }
    await next();
  });
  // Every request goes ahead of the engine and the relay; `/api/inngest` is their work (Inngest mode).
  api.use("*", (c, next) => (c.req.path === "/api/inngest" ? next() : runtime.foreground.track(next)));
  const bodies = bodyLimit({
    maxSize: runtime.config.bodyLimitBytes,
    onError: (c) => problem(c, "payload_too_large", `The body exceeds ${runtime.config.bodyLimitBytes} bytes.`),
  });
  // A widget upload may be a whole file (FILE_MAX_BYTES) plus the multipart framing around it.
  const fileMax = runtime.config.files.maxBytes;
  const uploads = bodyLimit({
    maxSize: fileMax + 64 * 1024,
    onError: (c) =>
      problem(c, "payload_too_large", `A file may be ${Math.floor(fileMax / 1024 / 1024)} MB at most.`, {
        maxBytes: fileMax,
      }),
  });
  api.use("*", (c, next) => (WIDGET_UPLOAD.test(c.req.path) ? uploads(c, next) : bodies(c, next)));

  api.post("/api/auth/sign-in/*", async (c, next) => {
    const body: unknown = await c.req.raw
      .clone()
      .json()
      .catch(() => undefined);
    const email = typeof body === "object" && body && "email" in body ? body.email : undefined;
    limitSignIn(runtime.ports.rateLimiter, {
      address: callerAddress(c),
      email: typeof email === "string" ? email : undefined,
    });
    await next();
  });
  api.on(["GET", "POST"], "/api/auth/*", async (c) => (await runtime.auth()).handler(c.req.raw));
  // Inngest (Cloud or a dev server) syncs and calls the functions here; it verifies its own
  // signatures. The embedded engine calls the same handler in-process, so it is not exposed.
  if (runtime.config.inngest.mode !== "embedded") {
    api.on(["GET", "POST", "PUT"], "/api/inngest", (c) => runtime.inngestServe.fetch(c.req.raw));
  }
  api.route("/", healthRoutes());
  api.route("/", stripePublicRoutes());
  api.route("/", billingWebhookRoutes());
  api.route("/webhooks", webhookRoutes());
  api.route("/slack", slackRoutes(createSlackReceiver(runtime.slack)));
  api.route("/", publicFormRoutes());
  api.route("/", ratingRoutes());
  api.route("/api/v1/apps", appsRoutes());
  api.route("/api/v1/apps", channelRoutes());
  api.route("/api/v1/conversations", conversationRoutes());
  api.route("/api/v1/conversations", conversationFileRoutes());
  api.route("/api/v1/apps", autonomyRoutes());
  api.route("/api/v1/apps", integrationRoutes());
  api.route("/api/v1/apps", stripeAppRoutes());
  api.route("/api/v1/apps", signingKeyRoutes());
  api.route("/api/v1/apps", categoryRoutes());
  api.route("/api/v1/apps", procedureRoutes());
  api.route("/api/v1/drafts", draftRoutes());
  api.route("/api/v1/outbox", outboxRoutes());
  api.route("/api/v1/runs", runRoutes());
  api.route("/api/v1/audit", auditRoutes());
  api.route("/api/v1/analytics", analyticsRoutes());
  api.route("/api/v1/keys", keysRoutes());
  api.route("/api/v1/knowledge", knowledgeRoutes());
  api.route("/api/v1/events", eventRoutes());
  api.route("/api/v1/notifications", notificationRoutes());
  api.route("/api/v1/slack", slackConfigRoutes());
  api.route("/api/v1/billing", billingRoutes());
  api.route("/api/v1/contacts", contactRoutes());
  api.route("/api/v1/deliveries", deliveryRoutes());
  api.route("/api/v1/apps", productRoutes());
  api.route("/api/v1/quotes", quoteRoutes());
  api.route("/api/v1/tasks", taskRoutes());
  api.route("/api/v1/apps", taskConnectionRoutes());
  api.route("/api/v1/apps", shopRoutes());
  api.route("/api/v1/leads", leadRoutes());
  api.route("/api/v1/front-plugin", frontPluginConfigRoutes());
  api.route("/front-plugin/api", frontPluginApiRoutes());
  api.route("/widget/v1", widgetRoutes());
  api.route("/api/v1/apps", widgetAdminRoutes());

  api.doc31("/openapi.json", { openapi: "3.1.0", info: { title: "Support platform API", version: "1" } });
  api.openAPIRegistry.registerComponent("securitySchemes", "apiKey", { type: "http", scheme: "bearer" });
  api.openAPIRegistry.registerPath(eventsRouteDoc);
  api.openAPIRegistry.registerComponent("securitySchemes", "frontPlugin", {
    type: "apiKey",
    in: "header",
    name: "x-front-plugin-secret",
    description:
      "The plugin's auth secret, with x-front-plugin-org (the organization's slug) and x-front-teammate (email)",
  });
  api.openAPIRegistry.registerPath(widgetEventsRouteDoc);
  api.openAPIRegistry.registerComponent("securitySchemes", "widgetSession", { type: "http", scheme: "bearer" });

  if (options.widgetDist) api.route("/", widgetAssetRoutes(options.widgetDist));
  if (options.webDist) api.route("/", webRoutes(options.webDist));
  if (options.frontPluginDist) api.route("/front-plugin", frontPluginPageRoutes(options.frontPluginDist));

  api.notFound((c) => problem(c, "not_found", `No route for ${c.req.method} ${c.req.path}.`));
  api.onError((error, c) => {
    // Hono's validators raise HTTPException(400) for a body that is not JSON at all.
    if (error instanceof HTTPException && error.status === 400)
      return problem(c, "invalid_input", "The body is not valid JSON.");
    if (error instanceof HTTPException && error.status === 415)
      return problem(c, "unsupported_media_type", "Send this body as application/json or multipart/form-data.");
    return problemFromError(c, error);
  });
  return api;
}
