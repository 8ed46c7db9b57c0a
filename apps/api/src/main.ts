import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { createLangfuseTracer, createLogger } from "@support/observability";
import { ConfigError, loadConfig, openProduct, type Product } from "@support/product";
import { createApi } from "./app.js";

async function main() {
  const config = loadConfig();
  const logs = createLogger({ level: config.logLevel, axiom: config.axiom });
  const logger = logs.logger;
  const tracer = config.langfuse ? createLangfuseTracer(config.langfuse) : undefined;
  const product = await openProduct(config, { logger, tracer });
  // A worker (ROLE=worker) answers only its health checks: webhooks and the API go to API instances.
  const fetchHandler =
    config.role === "worker"
      ? workerHealth(product)
      : createApi(product, logger, {
          webDist: fileURLToPath(new URL("../../web/dist", import.meta.url)),
          frontPluginDist: fileURLToPath(new URL("../../front-plugin/dist", import.meta.url)),
          widgetDist: fileURLToPath(new URL("../../../packages/widget/dist", import.meta.url)),
        }).fetch;
  await product.start();
  const server = serve({ fetch: fetchHandler, port: config.port, hostname: config.host }, () => {
    const mode = config.embedded
      ? "embedded (SQLite under DATA_DIR, no external services)"
      : `production (${product.database.dialect})`;
    const extras = [
      config.role !== "all" && `role ${config.role}`,
      config.langfuse && "Langfuse tracing",
      config.axiom && "Axiom logs",
    ].filter(Boolean);
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

/** A worker's only routes: `/health` (the process is up) and `/ready` (its database answers). */
function workerHealth(product: Product) {
  return async (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname;
    if (path === "/health") return Response.json({ status: "ok", role: "worker" });
    if (path !== "/ready") return new Response("Not found", { status: 404 });
    try {
      await product.database.ping();
      return Response.json({ status: "ready", role: "worker" });
    } catch {
      return Response.json({ status: "unavailable", role: "worker" }, { status: 503 });
    }
  };
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
