import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { appendOutbox, listEngineRuns } from "@support/engine";
import { loadConfig, openProduct } from "@support/product";

/**
 * bench/engine: N events through the outbox relay into the embedded engine (SQLite, fresh data
 * dir), each running a three-step function through the Inngest serve handler. Prints sustained
 * runs per second and the p50/p95 latency from the event's commit to the run's completion.
 *   pnpm --filter @support/bench engine [--events 500] [--parallel 4]
 */
const { values } = parseArgs({
  options: { events: { type: "string", default: "500" }, parallel: { type: "string", default: "4" } },
});
const total = Number(values.events);
const orgId = "org_bench";

const runtime = await openProduct(loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), "support-bench-engine-")) }), {
  engine: { pollMs: 20, parallelRuns: Number(values.parallel) },
  workflows: (inngest) => [
    inngest.createFunction(
      { id: "three-steps", triggers: [{ event: "support/message.received" }] },
      async ({ event, step }) => {
        const a = await step.run("triage", () => ({ id: event.data.messageId }));
        const b = await step.run("draft", () => ({ ...a, text: "hello" }));
        return step.run("decide", () => ({ ...b, send: false }));
      },
    ),
  ],
});
await runtime.start();

const started = performance.now();
for (let i = 0; i < total; i++) {
  await runtime.database.transaction((tx) =>
    appendOutbox(tx, orgId, "support/message.received", {
      v: 1,
      orgId,
      appId: "app_bench",
      conversationId: `cnv_${i}`,
      messageId: `msg_${i}`,
      channel: "web",
      direction: "inbound",
      authorKind: "customer",
    }),
  );
  runtime.relay.notify();
}
for (;;) {
  const runs = await listEngineRuns(runtime.database.db, orgId, { status: "completed", limit: total });
  if (runs.length >= total) break;
  await new Promise((resolve) => setTimeout(resolve, 50));
}
const seconds = (performance.now() - started) / 1000;
const runs = await listEngineRuns(runtime.database.db, orgId, { limit: total });
const latencies = runs
  .map((run) => (run.finishedAt?.getTime() ?? 0) - ((run.event as { ts: number }).ts ?? 0))
  .sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
console.log(
  `bench/engine: ${total} runs x 3 steps (${4 * total} serve-handler calls), parallel ${values.parallel}: ` +
    `${(total / seconds).toFixed(1)} runs/s sustained, latency p50 ${pct(50)} ms, p95 ${pct(95)} ms`,
);
await runtime.stop();
await runtime.database.close();
