import { serve } from "@hono/node-server";
import { ConfigError, loadConfig, openRuntime } from "@support/core";
import pino from "pino";
import { createApi } from "./app.js";

async function main() {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel, redact: ["*.authorization", "*.token", "*.secret", "*.password"] });
  const runtime = await openRuntime(config, { logger });
  const api = createApi(runtime, logger);
  // Resumes runs left pending by a crash or restart before new events arrive.
  await runtime.engine?.start();
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
    server.close(async () => {
      await runtime.relay.stop();
      await runtime.engine?.stop();
      await runtime.database.close();
      process.exit(0);
    });
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
