import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { serve } from "@hono/node-server";
import { createSampleApp } from "@support/example-sample-app";
import { seededStore } from "@support/example-sample-app/store";
import { checkIntegrationHealth, executeAction, gatherCustomerContext, integrateApp } from "../src/index.js";
import { openTestTenant, pendingDraft, tenantContext } from "../test/integrations/harness.js";

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

// The tenant the integration tests use: an organization with one app, on SQLite in a temp folder.
const tenant = await openTestTenant();
const ctx = tenantContext(tenant);
await integrateApp(ctx, tenant.appId, { url, secret });

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

await measure("health (describe)", () => checkIntegrationHealth(ctx, tenant.appId));
await measure("gatherCustomerContext", () =>
  gatherCustomerContext(
    { db: tenant.database.db, secrets: tenant.secrets },
    { orgId: tenant.orgId, appId: tenant.appId, contact: { email: "ada@example.com" } },
  ),
);
await measure("executeAction (magic link)", async (i) => {
  const input = { email: "ada@example.com" };
  const action = { id: "a1", action: "generateMagicLink", input, risk: "low_impact_write" as const };
  const draft = await pendingDraft(tenant, `cnv_bench_${i}`, {
    status: "approved",
    actions: [{ ...action, autoApprovable: true, reason: "bench", via: "app", approved: true }],
  });
  return executeAction(ctx, { app: tenant.appId, draftId: draft.id, action: "generateMagicLink", input });
});

server.close();
await tenant.database.close();
