/**
 * What the signed endpoint costs: signature verification alone, a full in-process call (verify,
 * replay check, validate in and out), and a round trip over HTTP on 127.0.0.1 through
 * callProductApp. Prints figures; asserts nothing. Run with `pnpm --filter @support/sdk bench`.
 */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import {
  callProductApp,
  createSupportHandler,
  honoHandler,
  MemoryReplayCache,
  type SupportIntegration,
  signPayload,
  verifySignature,
} from "../src/index.js";

const integration: SupportIntegration = {
  lookupUser: ({ email }) => ({ id: "u_1", email, name: "Ada" }),
  getPurchases: () =>
    Array.from({ length: 10 }, (_, i) => ({
      id: `p_${i}`,
      productName: "Course",
      amount: 4900,
      currency: "EUR",
      purchasedAt: "2026-11-01T10:00:00Z",
      status: "paid" as const,
    })),
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function report(name: string, samplesMs: number[]) {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const total = samplesMs.reduce((sum, ms) => sum + ms, 0);
  console.log(
    `${name.padEnd(42)} n=${String(samplesMs.length).padStart(5)}  ops/s=${Math.round((samplesMs.length * 1000) / total)
      .toString()
      .padStart(6)}  p50=${percentile(sorted, 50).toFixed(3)} ms  p95=${percentile(sorted, 95).toFixed(3)} ms`,
  );
}

async function time(n: number, run: (i: number) => unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await run(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

const body = JSON.stringify({ action: "getPurchases", input: { userId: "u_1" } });
const header = signPayload(body, ["new", "old"]);
report(
  "verifySignature (2 secrets x 2 v1)",
  await time(20_000, () => verifySignature({ body, header, secrets: ["new", "old"] })),
);

const handler = createSupportHandler({ integration, secrets: ["s"], replayCache: new MemoryReplayCache(100_000) });
report(
  "handler in process, getPurchases (10 items)",
  await time(5_000, (i) => {
    const raw = JSON.stringify({ action: "getPurchases", input: { userId: "u_1" }, nonce: String(i) });
    return handler(
      new Request("http://app.test/support", {
        method: "POST",
        headers: { "x-support-signature": signPayload(raw, ["s"]) },
        body: raw,
      }),
    );
  }),
);

const app = new Hono();
app.post("/support", honoHandler(createSupportHandler({ integration, secrets: ["s"] })));
const server = await new Promise<{ url: string; close: () => void }>((resolve) => {
  const s = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, (info: AddressInfo) =>
    resolve({ url: `http://127.0.0.1:${info.port}/support`, close: () => s.close() }),
  );
});
await time(200, () => callProductApp({ url: server.url, secret: "s", action: "describe", input: {} }));
report(
  "callProductApp over HTTP (Hono), lookupUser",
  await time(2_000, () =>
    callProductApp({ url: server.url, secret: "s", action: "lookupUser", input: { email: "ada@example.com" } }),
  ),
);
server.close();

const cache = new MemoryReplayCache(10_000);
const now = Math.floor(Date.now() / 1000);
report("MemoryReplayCache.remember at its 10k bound", await time(50_000, (i) => cache.remember(`k${i}`, now + 300)));
