import { parseArgs } from "node:util";
import { serve } from "@hono/node-server";
import { createSampleApp } from "./app.js";
import { seededStore } from "./store.js";

// `pnpm --filter @support/example-sample-app start --secret <secret> [--secret <old>] [--port 4000]`
const { values } = parseArgs({
  options: { secret: { type: "string", multiple: true }, port: { type: "string", default: "4000" } },
});
if (!values.secret?.length) {
  console.error("usage: start --secret <the secret from `skill apps integrate`> [--secret <old secret>] [--port 4000]");
  process.exit(2);
}
const app = createSampleApp({ store: seededStore(), secrets: values.secret });
serve({ fetch: app.fetch, hostname: "127.0.0.1", port: Number(values.port) }, (info) => {
  console.log(`sample app on http://127.0.0.1:${info.port}, support endpoint at /support`);
});
