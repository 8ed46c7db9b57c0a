import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { createZendeskReplyAdapter, type ReplyTarget } from "../src/index.js";

/**
 * Sends N replies at C concurrent requests through the Zendesk adapter to a local fake, next to
 * the same requests made with bare fetch, and prints throughput, p50/p99 and the overhead ratio.
 * Usage: pnpm --filter @support/channels bench [N] [C]
 */
const total = Number(process.argv[2] ?? 2000);
const concurrency = Number(process.argv[3] ?? 16);

const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ ticket: { id: 1 }, audit: { id: 2, events: [{ id: 3, type: "Comment" }] } }));
  });
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const adapter = createZendeskReplyAdapter({ baseUrl, email: "a@b.c", apiToken: "t", authorId: 1 });
const target: ReplyTarget = {
  orgId: "org_bench",
  appId: "app_bench",
  conversationId: "cnv_bench",
  channel: "zendesk",
  externalId: "1",
  contact: { email: "ada@example.com" },
};

async function measure(label: string, send: (i: number) => Promise<unknown>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        await send(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  const rate = total / seconds;
  console.log(
    `${label.padEnd(16)} ${rate.toFixed(0).padStart(6)} req/s  p50 ${pct(0.5).toFixed(2)} ms  p99 ${pct(0.99).toFixed(2)} ms`,
  );
  return rate;
}

const bareSend = () => fetch(`${baseUrl}/api/v2/tickets/1`, { method: "PUT", body: "{}" }).then((r) => r.text());
const adapterSend = (i: number) => adapter.sendReply(target, { text: "Hello" }, { idempotencyKey: `bench-${i}` });

// One unmeasured round each first, so JIT warm-up and connection set-up count for neither.
console.log("warm-up:");
await measure("bare fetch", bareSend);
await measure("zendesk adapter", adapterSend);
console.log(`${total} sends at concurrency ${concurrency}:`);
const bare = await measure("bare fetch", bareSend);
const adapted = await measure("zendesk adapter", adapterSend);
console.log(`adapter / bare throughput: ${(adapted / bare).toFixed(2)}`);
server.close();
