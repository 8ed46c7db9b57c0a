import { serve } from "@hono/node-server";
import { ConfigError, loadConfig, openRuntime } from "@support/core";
import { slackDepsFromRuntime, subscribeSlack } from "@support/slack";
import pino from "pino";
import { createApi } from "./app.js";
import { createPipelineDeps, subscribePipeline } from "./pipeline.js";

async function main() {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel, redact: ["*.authorization", "*.token", "*.secret", "*.password"] });
  const runtime = await openRuntime(config, { logger });
  const api = createApi(runtime, logger);
  subscribePipeline(
    runtime,
    createPipelineDeps(runtime, async () => ({ passages: [], relevant: false })),
  );
  subscribeSlack(runtime, slackDepsFromRuntime(runtime));
  // Publishes what was committed before a crash as well as everything new.
  runtime.relay.start();
  const server = serve({ fetch: api.fetch, port: config.port, hostname: config.host }, () => {
    const mode = config.embedded
      ? "embedded (SQLite under DATA_DIR, no external services)"
      : `production (${runtime.database.dialect})`;
    console.log(
      `Support platform listening on http://${config.host}:${config.port} - ${mode}; data in ${config.dataDir}`,
    );
  });
  const stop = () => {
    server.close(() => void runtime.relay.stop().then(() => runtime.database.close().then(() => process.exit(0))));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
