import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { countPendingOutbox } from "@support/engine";
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
      const { database, config } = c.var.runtime;
      try {
        await database.ping();
        await database.db.q.select().from(database.db.t.organizations).limit(1);
        return c.json({ status: "ready", dialect: database.dialect, embedded: config.embedded }, 200);
      } catch {
        return c.json({ status: "not_ready", dialect: database.dialect }, 503);
      }
    },
  );
  // Prometheus text: counters by channel and outcome, and the outbox backlog. No ids, no PII.
  router.get("/metrics", async (c) => {
    const { counters, database } = c.var.runtime;
    const pending = await countPendingOutbox(database.db);
    return c.text(`${counters.render()}outbox_pending ${pending}\n`, 200, {
      "content-type": "text/plain; version=0.0.4",
    });
  });
  return router;
}
