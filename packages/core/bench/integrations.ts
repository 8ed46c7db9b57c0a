import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { serve } from "@hono/node-server";
import { createApp, createOrganization, createSecretBox, insertDraft, openDatabase } from "@support/db";
import { createSampleApp } from "@support/example-sample-app";
import { seededStore } from "@support/example-sample-app/store";
import { checkIntegrationHealth, executeAction, gatherCustomerContext, integrateApp } from "../src/index.js";

/**
 * The platform side of a product-app call against the sample app on 127.0.0.1 (SQLite): the
 * describe health check, the gather step (lookup, then purchases and subscriptions in parallel)
 * and executeAction (claim a row, call the app, record the result). Prints p50/p95/p99.
 * Usage: pnpm --filter @support/core bench [N]
 */
const runs = Number(process.argv[2] ?? 300);
const secret = "whsec_bench_secret_00001";
const store = seededStore();
const server = serve({ fetch: createSampleApp({ store, secrets: [secret] }).fetch, hostname: "127.0.0.1", port: 0 });
await new Promise((resolve) => server.once("listening", resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/support`;

const database = await openDatabase({ dataDir: mkdtempSync(join(tmpdir(), "support-bench-")) });
await database.migrate();
const org = await createOrganization(database.db, { name: "Bench", slug: "bench" });
const app = await createApp(database.db, org.id, { slug: "courses", name: "Courses" });
const deps = { db: database.db, secrets: createSecretBox({ 1: Buffer.alloc(32, 1) }, 1) };
await integrateApp(deps, org.id, app.id, { url, secret }, "bench");

async function measure(name: string, once: (i: number) => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await once(i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(2);
  console.log(`${name.padEnd(26)} n=${runs}  p50 ${at(0.5)} ms  p95 ${at(0.95)} ms  p99 ${at(0.99)} ms`);
}

await measure("health (describe)", () => checkIntegrationHealth(deps, org.id, app.id));
await measure("gatherCustomerContext", () =>
  gatherCustomerContext(deps, { orgId: org.id, appId: app.id, contact: { email: "ada@example.com" } }),
);
await measure("executeAction (magic link)", async (i) => {
  const draft = await insertDraft(database.db, {
    orgId: org.id,
    appId: app.id,
    conversationId: `cnv_bench_${i}`,
    messageId: `msg_bench_${i}`,
    status: "pending_approval",
    category: "account",
    text: "",
    citations: [],
    triage: {},
    gates: [],
    decision: {},
    usage: [],
    traceId: "bench",
    sentText: null,
    deliveryId: null,
    decidedBy: null,
    decidedAt: null,
    decidedVia: null,
    reason: null,
    remindedAt: null,
    customer: null,
    actions: null,
  });
  return executeAction(deps, {
    orgId: org.id,
    appId: app.id,
    draftId: draft.id,
    action: "generateMagicLink",
    input: { email: "ada@example.com" },
  });
});

server.close();
await database.close();
