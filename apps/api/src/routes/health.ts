import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { checkReadiness, renderMetrics } from "@support/core";
import type { ApiEnv } from "../context.js";

const status = z.object({ status: z.string(), dialect: z.string().optional(), embedded: z.boolean().optional() });

export function healthRoutes() {
  const router = new OpenAPIHono<ApiEnv>();
  router.openapi(
    createRoute({
      method: "get",
      path: "/health",
      tags: ["health"],
      responses: { 200: { description: "The process is up", content: { "application/json": { schema: status } } } },
    }),
    (c) => c.json({ status: "ok" }, 200),
  );
  router.openapi(
    createRoute({
      method: "get",
      path: "/ready",
      tags: ["health"],
      responses: {
        200: { description: "Database reachable and migrated", content: { "application/json": { schema: status } } },
        503: { description: "Not ready", content: { "application/json": { schema: status } } },
      },
    }),
    async (c) => {
      const { platform, config } = c.var.runtime;
      const { ready, dialect } = await checkReadiness(platform);
      if (!ready) return c.json({ status: "not_ready", dialect }, 503);
      return c.json({ status: "ready", dialect, embedded: config.embedded }, 200);
    },
  );
  router.get("/metrics", async (c) =>
    c.text(await renderMetrics(c.var.runtime.platform), 200, { "content-type": "text/plain; version=0.0.4" }),
  );
  return router;
}
