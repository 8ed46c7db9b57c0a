import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { createLangfuseTracer, createLogger } from "@support/observability";
import { ConfigError, loadConfig, openProduct } from "@support/product";
import { createApi } from "./app.js";

async function main() {
  const config = loadConfig();
  const logs = createLogger({ level: config.logLevel, axiom: config.axiom });
  const logger = logs.logger;
  const tracer = config.langfuse ? createLangfuseTracer(config.langfuse) : undefined;
  const product = await openProduct(config, { logger, tracer });
  const api = createApi(product, logger, {
    webDist: fileURLToPath(new URL("../../web/dist", import.meta.url)),
    frontPluginDist: fileURLToPath(new URL("../../front-plugin/dist", import.meta.url)),
    widgetDist: fileURLToPath(new URL("../../../packages/widget/dist", import.meta.url)),
  });
  await product.start();
  const server = serve({ fetch: api.fetch, port: config.port, hostname: config.host }, () => {
    const mode = config.embedded
      ? "embedded (SQLite under DATA_DIR, no external services)"
      : `production (${product.database.dialect})`;
    const extras = [config.langfuse && "Langfuse tracing", config.axiom && "Axiom logs"].filter(Boolean);
    console.log(
      `Support platform listening on http://${config.host}:${config.port} - ${mode}; data in ${config.dataDir}${extras.length ? `; ${extras.join(", ")}` : ""}`,
    );
  });
  const stop = () => {
    server.close(async () => {
      await product.stop();
      await Promise.allSettled([tracer?.shutdown(), logs.flush()]);
      await product.database.close();
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
