import { OpenAPIHono } from "@hono/zod-openapi";
import type { SlackReceiver } from "@support/slack";
import type { ApiEnv } from "../context.js";

/**
 * Slack's request URLs (Events API and interactivity). Not under /api/v1: Slack signs them with
 * the workspace's signing secret instead of sending our credentials, and they answer in Slack's
 * format, not problem+json.
 */
export function slackRoutes(receive: SlackReceiver) {
  const router = new OpenAPIHono<ApiEnv>();
  const handle = async (c: { req: { raw: Request; header(name: string): string | undefined } }) => {
    const res = await receive({
      rawBody: new Uint8Array(await c.req.raw.arrayBuffer()),
      contentType: c.req.header("content-type"),
      header: (name) => c.req.header(name),
    });
    return res.body === undefined
      ? new Response(null, { status: res.status })
      : Response.json(res.body, { status: res.status });
  };
  router.post("/events", (c) => handle(c));
  router.post("/interactions", (c) => handle(c));
  return router;
}
