import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { initProduct } from "@support/core";
import { loadConfig, openProduct } from "@support/product";
import { signPayload } from "@support/sdk/signing";
import { eq } from "drizzle-orm";

/**
 * bench/pipeline: N customer messages through the embedded product (a real `pnpm start`
 * process): signed webhook → stored → triaged, retrieved, drafted, validated, decided. Prints
 * p50/p95 latency from the webhook being sent to the draft being stored, and the sustained rate.
 *   pnpm --filter @support/bench-pipeline bench [--messages 300] [--concurrency 8]
 */
const { values } = parseArgs({
  options: { messages: { type: "string", default: "300" }, concurrency: { type: "string", default: "8" } },
});
const total = Number(values.messages);
const concurrency = Number(values.concurrency);
const root = resolve(import.meta.dirname, "../..");

const QUESTIONS = [
  "How do I reset my password? I forgot it.",
  "Can I get a refund for my last order?",
  "Where is my parcel? It has been a week.",
  "How do I change the email address on my account?",
  "Do you ship to Madagascar?",
  "My invoice shows the wrong company name, can you fix it?",
];
const ARTICLES = [
  {
    title: "Resetting your password",
    body: "Open the sign-in page and click Forgot password. We email you a reset link valid for one hour.",
  },
  {
    title: "Refunds",
    body: "You can ask for a refund within 30 days of purchase. Refunds reach your card within 5 business days.",
  },
  {
    title: "Shipping",
    body: "Parcels ship within 2 business days. We ship worldwide, including Madagascar; tracking links arrive by email.",
  },
  {
    title: "Changing your email",
    body: "Go to Settings, then Account, and edit your email address. We send a confirmation link to the new address.",
  },
  {
    title: "Invoices",
    body: "Invoices show the company name from your billing settings. Update it there and download the invoice again.",
  },
];

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

async function startProduct(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "apps/api/src/main.ts"], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: "ignore",
  });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error("the product did not start");
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

const dataDir = mkdtempSync(join(tmpdir(), "support-bench-pipeline-"));
const env = { DATA_DIR: dataDir, LOG_LEVEL: "silent" };
const setup = await openProduct(loadConfig(env));
const init = await initProduct(setup.platform, { name: "Bench Shop" });
const key = init.apiKey?.token ?? "";
await setup.database.close();

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const product = await startProduct({ ...env, PORT: String(port) }, port);
const auth = { authorization: `Bearer ${key}`, "content-type": "application/json" };
try {
  // No debounce: the figure is the pipeline's own latency, not the burst-coalescing wait.
  await fetch(`${base}/api/v1/apps/${init.app.id}`, {
    method: "PATCH",
    headers: auth,
    body: JSON.stringify({ settings: { debounceSeconds: 0 } }),
  });
  for (const article of ARTICLES) {
    await fetch(`${base}/api/v1/knowledge/sources`, {
      method: "POST",
      headers: auth,
      body: JSON.stringify({ app: init.app.id, ...article }),
    });
  }
  const watcher = await openProduct(loadConfig(env), { migrate: false });
  const { db } = watcher.database;
  const sentAt = new Map<string, number>();
  const doneAt = new Map<string, number>();
  let polling = true;
  const poll = (async () => {
    while (polling) {
      const rows = await db.q
        .select({ externalId: db.t.messages.externalId })
        .from(db.t.drafts)
        .innerJoin(db.t.messages, eq(db.t.messages.id, db.t.drafts.messageId));
      const now = performance.now();
      for (const r of rows) if (r.externalId && !doneAt.has(r.externalId)) doneAt.set(r.externalId, now);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < total; i = next++) {
        const id = `bench-${i}`;
        const body = JSON.stringify({
          type: "message.received",
          id,
          customer: { email: `customer${i}@example.com`, name: "Bench Customer" },
          message: { text: QUESTIONS[i % QUESTIONS.length] },
        });
        sentAt.set(id, performance.now());
        const res = await fetch(`${base}/webhooks/generic/${init.app.id}`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-support-signature": signPayload(body, [init.signingSecret ?? ""]),
          },
          body,
        });
        await res.arrayBuffer();
      }
    }),
  );
  while (doneAt.size < total && performance.now() - started < 600_000) await new Promise((r) => setTimeout(r, 50));
  polling = false;
  await poll;
  await watcher.database.close();
  const latencies = [...doneAt.entries()].map(([id, t]) => t - (sentAt.get(id) ?? t)).sort((a, b) => a - b);
  const last = Math.max(...doneAt.values());
  console.log(
    `bench/pipeline: ${total} messages, ${concurrency} concurrent senders, embedded (SQLite, offline model, embedded index)`,
  );
  console.log(`drafts stored: ${doneAt.size}/${total}`);
  console.log(
    `webhook → draft latency: p50 ${pct(latencies, 50).toFixed(0)} ms, p95 ${pct(latencies, 95).toFixed(0)} ms`,
  );
  console.log(`sustained: ${((doneAt.size / (last - started)) * 1000).toFixed(1)} messages/s`);
} finally {
  product.kill("SIGTERM");
}
