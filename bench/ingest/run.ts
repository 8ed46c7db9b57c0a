import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { initProduct } from "@support/core";
import { loadConfig, openProduct } from "@support/product";
import { signPayload } from "@support/sdk/signing";
import { eq, isNull } from "drizzle-orm";

/**
 * bench/ingest: N signed generic webhooks at C concurrent connections against the embedded
 * product (a real `pnpm start` process on a fresh SQLite data dir), and the same load against
 * a bare Hono "200 OK" server, measured in the same run. The product drafts every message in
 * the same process meanwhile; the bench then waits for the pipeline to draft them all and
 * prints how far drafting got during the burst and how long it took to catch up after it.
 *   pnpm --filter @support/bench-ingest bench [--requests 2000] [--concurrency 16]
 */
const { values } = parseArgs({
  options: { requests: { type: "string", default: "2000" }, concurrency: { type: "string", default: "16" } },
});
const total = Number(values.requests);
const concurrency = Number(values.concurrency);
const root = resolve(import.meta.dirname, "../..");

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

async function start(args: string[], cwd: string, env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: "ignore",
  });
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`server ${args.join(" ")} did not start`);
}

interface Result {
  seconds: number;
  latencies: number[];
  failures: number;
}

async function load(
  url: string,
  body: (i: number) => { payload: string; headers: Record<string, string> },
): Promise<Result> {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < total; i = next++) {
        const { payload, headers } = body(i);
        const t0 = performance.now();
        try {
          const res = await fetch(url, {
            method: "POST",
            headers: { "content-type": "application/json", ...headers },
            body: payload,
          });
          await res.arrayBuffer();
          if (res.status !== 200) failures++;
        } catch {
          // A reset connection (a server that stalled past the keep-alive timeout) is a failure too.
          failures++;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, latencies: latencies.sort((a, b) => a - b), failures };
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const line = (name: string, r: Result) =>
  `${name.padEnd(22)} ${(total / r.seconds).toFixed(0).padStart(7)} req/s   p50 ${pct(r.latencies, 50).toFixed(2).padStart(7)} ms   p99 ${pct(r.latencies, 99).toFixed(2).padStart(7)} ms   failures ${r.failures}`;

const dataDir = mkdtempSync(join(tmpdir(), "support-bench-ingest-"));
const setup = await openProduct(loadConfig({ DATA_DIR: dataDir }));
const init = await initProduct(setup.platform, { name: "Bench Shop" });
await setup.database.close();
const secret = init.signingSecret ?? "";
const message = (i: number, run: string) => {
  const payload = JSON.stringify({
    type: "message.received",
    id: `${run}-${i}`,
    customer: { email: `customer${i % 500}@example.com`, name: "Bench Customer" },
    conversation: { externalId: `thread-${i % 200}` },
    message: { text: `Hello, I have a question about order #${i}. Can you help me with the delivery date?` },
  });
  return { payload, headers: { "x-support-signature": signPayload(payload, [secret]) } };
};

/**
 * Waits (read-only, beside the running product) until the pipeline is idle: every outbox event
 * published, every engine event taken, every run finished. Messages of one conversation share
 * drafts, so idleness, not a draft count, says drafting caught up.
 */
async function waitForPipeline(): Promise<{
  atBurstEnd: Backlog;
  drafts: number;
  failedRuns: number;
  seconds: number;
}> {
  const watcher = await openProduct(loadConfig({ DATA_DIR: dataDir }), { migrate: false });
  const { q, t } = watcher.database.db;
  const backlog = async (): Promise<Backlog> => ({
    outbox: await q.$count(t.outbox, isNull(t.outbox.publishedAt)),
    events: await q.$count(t.engineEvents, isNull(t.engineEvents.processedAt)),
    runs: await q.$count(t.engineRuns, eq(t.engineRuns.status, "running")),
  });
  const started = performance.now();
  const atBurstEnd = await backlog();
  let now = atBurstEnd;
  while (now.outbox + now.events + now.runs > 0 && performance.now() - started < 600_000) {
    await new Promise((r) => setTimeout(r, 250));
    now = await backlog();
  }
  const drafts = await q.$count(t.drafts);
  const failedRuns = await q.$count(t.engineRuns, eq(t.engineRuns.status, "failed"));
  await watcher.database.close();
  return { atBurstEnd, drafts, failedRuns, seconds: (performance.now() - started) / 1000 };
}

interface Backlog {
  outbox: number;
  events: number;
  runs: number;
}

const productPort = await freePort();
const product = await start(
  ["apps/api/src/main.ts"],
  root,
  { DATA_DIR: dataDir, PORT: String(productPort), LOG_LEVEL: "silent" },
  productPort,
);
const barePort = await freePort();
const bare = await start(
  [join(import.meta.dirname, "bare-server.ts"), String(barePort)],
  import.meta.dirname,
  {},
  barePort,
);
try {
  const warmup = Math.min(200, total);
  for (let i = 0; i < warmup; i++) await fetch(`http://127.0.0.1:${barePort}/`, { method: "POST", body: "{}" });
  await load(`http://127.0.0.1:${productPort}/webhooks/generic/${init.app.id}`, (i) => message(i, "warmup"));
  const productResult = await load(`http://127.0.0.1:${productPort}/webhooks/generic/${init.app.id}`, (i) =>
    message(i, "run"),
  );
  const pipeline = await waitForPipeline();
  const bareResult = await load(`http://127.0.0.1:${barePort}/webhooks/generic/x`, (i) => message(i, "bare"));
  console.log(`bench/ingest: ${total} signed webhooks, ${concurrency} concurrent connections, embedded SQLite`);
  console.log(line("product (verify+store)", productResult));
  console.log(line("bare Hono 200 OK", bareResult));
  console.log(`throughput ratio product/bare: ${(bareResult.seconds / productResult.seconds).toFixed(2)}`);
  const { outbox, events, runs } = pipeline.atBurstEnd;
  console.log(
    `pipeline backlog when the burst ended: ${outbox} outbox events, ${events} engine events, ${runs} runs; ` +
      `idle ${pipeline.seconds.toFixed(1)} s later; ${pipeline.drafts} drafts for ${total * 2} messages (warm-up ` +
      `included; a conversation's later messages share its draft), ${pipeline.failedRuns} failed runs`,
  );
} finally {
  product.kill("SIGTERM");
  bare.kill("SIGTERM");
}
