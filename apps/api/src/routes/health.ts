import { createHash, timingSafeEqual } from "node:crypto";
import { isIP } from "node:net";
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { checkReadiness, renderMetrics } from "@support/core";
import { socketAddress } from "../client.js";
import type { ApiEnv } from "../context.js";
import { problem } from "../problem.js";

function safeEqual(a: string, b: string): boolean {
  const left = createHash("sha256").update(a).digest();
  return timingSafeEqual(left, createHash("sha256").update(b).digest());
}

const isLoopback = (address: string | undefined) =>
  address !== undefined &&
  (isIP(address) === 4 ? address.startsWith("127.") : address === "::1" || address.startsWith("::ffff:127."));

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
  // Counters tell outsiders how busy each tenant is: a scraper proves itself with METRICS_TOKEN,
  // or, without one, only the machine itself may read them (ADR 0102).
  router.get("/metrics", async (c) => {
    const token = c.var.runtime.config.metricsToken;
    const allowed = token
      ? safeEqual(c.req.header("authorization") ?? "", `Bearer ${token}`)
      : isLoopback(socketAddress(c));
    if (!allowed) {
      return problem(
        c,
        "forbidden",
        token
          ? "Send the metrics token as a bearer token."
          : "Metrics are served to localhost only; set METRICS_TOKEN to scrape them remotely.",
      );
    }
    return c.text(await renderMetrics(c.var.runtime.platform), 200, { "content-type": "text/plain; version=0.0.4" });
  });
  return router;
}
