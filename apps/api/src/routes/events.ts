import { createRoute } from "@hono/zod-openapi";
import type { PublishedEvent } from "@support/engine";
import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { requireCaller } from "../auth.js";
import type { ApiEnv } from "../context.js";

/** Events a dashboard cares about: new messages, drafts, decisions on them and what needs a person. */
const LIVE_EVENTS = new Set([
  "support/message.received",
  "support/conversation.updated",
  "support/draft.created",
  "support/approval.requested",
  "support/draft.approved",
  "support/draft.rejected",
  "support/conversation.escalated",
  "support/reply.sent",
  "support/reply.failed",
  "support/notification.created",
]);

/** The stream in /openapi.json (a plain Hono route: zod-openapi has no schema for an event stream). */
export const eventsRouteDoc = createRoute({
  method: "get",
  path: "/api/v1/events",
  tags: ["events"],
  security: [{ apiKey: [] }],
  description:
    "Server-sent events of the caller's organization: `ready`, then `message.received`, `draft.created`, " +
    "`approval.requested`, `draft.approved`, `draft.rejected`, `conversation.escalated`, `reply.sent`, `reply.failed`, `notification.created`… " +
    "Each `data` is JSON with ids and routing fields (orgId, appId, conversationId, draftId, notificationId); `id` is the event id.",
  responses: {
    200: { description: "An event stream", content: { "text/event-stream": { schema: { type: "string" } } } },
    401: { description: "Missing or invalid credentials" },
  },
});

/**
 * A comment line now and then keeps proxies from closing an idle stream; it is also when an
 * idle stream notices that its key was revoked or its session ended.
 */
const KEEPALIVE_MS = 20_000;

/**
 * `GET /api/v1/events`: server-sent events of the caller's organization, pushed from the
 * in-process bus as the outbox relay publishes them. The stream carries only ids and routing
 * fields; the dashboard refetches what changed through the REST API.
 */
export function eventRoutes() {
  const router = new Hono<ApiEnv>();
  router.use("*", requireCaller);
  router.get("/", (c) => {
    const { runtime, stillAuthorized } = c.var;
    const orgId = c.var.ctx.org.id;
    return streamSSE(c, async (stream) => {
      const pending: PublishedEvent[] = [];
      let wake: (() => void) | undefined;
      // The bus awaits its subscribers and fails the publication if one throws, so this one
      // only queues: a slow or closed browser never holds up or breaks the relay.
      const unsubscribe = runtime.bus.subscribe((event) => {
        if (event.data.orgId !== orgId || !LIVE_EVENTS.has(event.name)) return;
        pending.push(event);
        wake?.();
      });
      let open = true;
      stream.onAbort(() => {
        open = false;
        wake?.();
      });
      try {
        await stream.writeSSE({ event: "ready", data: JSON.stringify({ orgId }) });
        while (open) {
          const event = pending.shift();
          if (event) {
            // A revoked key or an ended session gets nothing more: the stream closes (issue 14).
            if (!(await stillAuthorized())) break;
            await stream.writeSSE({
              id: event.id,
              event: event.name.replace(/^support\//, ""),
              data: JSON.stringify({ ...event.data, ts: event.ts }),
            });
            continue;
          }
          const idle = await new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => resolve(true), KEEPALIVE_MS);
            wake = () => {
              clearTimeout(timer);
              resolve(false);
            };
          });
          wake = undefined;
          if (idle && open) {
            if (!(await stillAuthorized())) break;
            await stream.write(": keepalive\n\n");
          }
        }
      } finally {
        unsubscribe();
      }
    });
  });
  return router;
}
