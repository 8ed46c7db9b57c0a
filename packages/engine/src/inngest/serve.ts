import { Hono } from "hono";
import type { InngestFunction } from "inngest";
import { serve } from "inngest/hono";
import { SERVE_PATH } from "../embedded/protocol.js";
import type { WorkflowClient } from "./client.js";

/**
 * The serve handler of the functions (`inngest/hono`), at `/api/inngest`. The API
 * mounts it for Inngest Cloud or a dev server; the embedded engine calls the same app's fetch.
 */
export function createInngestServeApp(client: WorkflowClient, functions: InngestFunction.Any[]) {
  const handler = serve({ client, functions });
  const app = new Hono();
  app.on(["GET", "POST", "PUT"], SERVE_PATH, (c) => handler(c));
  return app;
}
