import { appendFileSync } from "node:fs";
import { dirname } from "node:path";
import { openDatabase } from "@support/db";
import pino from "pino";
import { createEmbeddedEngine } from "../../src/embedded/engine.js";
import { createInngestClient } from "../../src/inngest/client.js";
import { createInngestServeApp } from "../../src/inngest/serve.js";

/**
 * A process running the embedded engine on a SQLite file, for the SIGKILL test. Each step of
 * the example function appends `<message>:start:` and `<message>:done:` lines to the marker file;
 * with `hang`, step two never returns, so the parent can kill the process in the middle of the
 * run. The function is limited as the pipeline is (per conversation, per organization), so the
 * killed run leaves concurrency slots behind.
 */
const [dbPath = "", marker = "", mode = "finish", eventJson] = process.argv.slice(2);
const database = await openDatabase({ url: `file:${dbPath}`, dataDir: dirname(dbPath) });
await database.migrate();
const logger = pino({ level: "silent" });
const inngest = createInngestClient({ mode: "embedded" }, { appId: "support", logger });
const durable = inngest.createFunction(
  {
    id: "durable",
    concurrency: [
      { key: "event.data.conversationId", limit: 1, scope: "env" },
      { key: "event.data.orgId", limit: 1, scope: "env" },
    ],
    triggers: [{ event: "example/message.received" }],
  },
  async ({ event, step }) => {
    const message = String(event.data.messageId);
    const done: string[] = [];
    for (const name of ["one", "two", "three"]) {
      done.push(
        await step.run(name, async () => {
          appendFileSync(marker, `${message}:start:${name}\n`);
          if (name === "two" && mode === "hang") await new Promise(() => {});
          appendFileSync(marker, `${message}:done:${name}\n`);
          return name;
        }),
      );
    }
    return done;
  },
);
const serveApp = createInngestServeApp(inngest, [durable]);
const engine = createEmbeddedEngine(database, async (request) => serveApp.fetch(request), logger, {
  pollMs: 20,
  // Long enough that a busy machine's stalls never outlast a live worker's lease (an expired lease
  // lets another run take the conversation's slot), short enough that the restart waits little.
  leaseMs: 4000,
});
await engine.start();
if (eventJson) await engine.publisher.publish([JSON.parse(eventJson)]);
appendFileSync(marker, "ready\n");
// The engine's timers are unref'd (in the product the HTTP server keeps the process up): without
// this, a child whose runs all wait on a lease would exit before the lease expires.
setInterval(() => {}, 60_000);
