/**
 * `/metrics` is not public (issue 14, Low; ADR 0102): with METRICS_TOKEN it answers that bearer
 * token only; without one, only connections from the loopback address.
 */
import { serve } from "@hono/node-server";
import { afterAll, describe, expect, it } from "vitest";
import { openTestProduct, type TestProduct } from "./harness.js";

const opened: TestProduct[] = [];
afterAll(async () => {
  for (const p of opened) await p.runtime.database.close();
});

describe("/metrics access", () => {
  it("answers only the configured bearer token", async () => {
    const p = await openTestProduct({ METRICS_TOKEN: "m".repeat(24) });
    opened.push(p);
    expect((await p.api.request("/metrics")).status).toBe(403);
    const wrong = await p.api.request("/metrics", { headers: { authorization: `Bearer ${"x".repeat(24)}` } });
    expect(wrong.status).toBe(403);
    expect(wrong.headers.get("content-type")).toContain("application/problem+json");
    const right = await p.api.request("/metrics", { headers: { authorization: `Bearer ${"m".repeat(24)}` } });
    expect(right.status).toBe(200);
    expect(await right.text()).toContain("outbox_pending");
  });

  it("without a token, answers a loopback connection and nothing without one", async () => {
    const p = await openTestProduct({});
    opened.push(p);
    expect((await p.api.request("/metrics")).status).toBe(403);
    const server = serve({ fetch: p.api.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise((resolve) => server.once("listening", resolve));
    const { port } = server.address() as { port: number };
    try {
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(200);
    } finally {
      server.close();
    }
  });
});
