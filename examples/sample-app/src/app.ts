import { createSupportHandler, honoHandler, type ReplayCache } from "@support/sdk";
import { Hono } from "hono";
import { sampleIntegration } from "./integration.js";
import type { SampleStore } from "./store.js";

/** The product's HTTP surface: its own routes, and the one signed endpoint the platform calls. */
export function createSampleApp(options: { store: SampleStore; secrets: string[]; replayCache?: ReplayCache }) {
  const handler = createSupportHandler({
    integration: sampleIntegration(options.store),
    secrets: options.secrets,
    replayCache: options.replayCache,
  });
  const app = new Hono();
  app.get("/health", (c) => c.json({ ok: true }));
  app.post("/support", honoHandler(handler));
  return app;
}
