import { createHmac } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { WorkflowFactory } from "@support/engine";
import { loadConfig, openProduct, type Product } from "@support/product";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { createApi } from "../src/app.js";

const workflows: WorkflowFactory = (inngest) => [
  inngest.createFunction({ id: "hello", triggers: [{ event: "support/message.received" }] }, async ({ event }) => ({
    hello: event.data.messageId,
  })),
];
const opened: Product[] = [];
async function apiWith(env: Record<string, string>) {
  const runtime = await openProduct(
    loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), "support-inngest-api-")), ...env }),
    {
      workflows,
    },
  );
  opened.push(runtime);
  return createApi(runtime, pino({ level: "silent" }));
}
afterAll(async () => {
  for (const runtime of opened) await runtime.database.close();
});

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

const call = {
  event: { name: "support/message.received", id: "evt_1", ts: 1, data: { messageId: "m1" } },
  events: [],
  steps: {},
  version: 2,
  ctx: { run_id: "run_1", attempt: 0, max_attempts: 1 },
};

describe("/api/inngest", () => {
  it("serves the functions to an Inngest dev server: introspection and calls", async () => {
    const api = await apiWith({ INNGEST_DEV: "1", INNGEST_BASE_URL: "http://127.0.0.1:8288" });
    const introspection = await api.request("/api/inngest");
    expect(introspection.status).toBe(200);
    expect(await introspection.json()).toMatchObject({ function_count: 1, mode: "dev", has_signing_key: false });
    const run = await api.request("/api/inngest?fnId=support-hello&stepId=step", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(call),
    });
    expect(run.status).toBe(200);
    expect(await run.json()).toEqual({ hello: "m1" });
  });

  it("with Inngest Cloud keys, refuses calls that Inngest did not sign", async () => {
    const api = await apiWith({
      INNGEST_EVENT_KEY: "test-event-key",
      INNGEST_SIGNING_KEY: "signkey-test-0123456789abcdef0123456789abcdef",
    });
    const unsigned = await api.request("/api/inngest?fnId=support-hello&stepId=step", {
      method: "POST",
      headers: { "content-type": "application/json", "x-inngest-signature": "t=1&s=00" },
      body: JSON.stringify(call),
    });
    expect(unsigned.status).toBe(401);

    // Signed as Inngest signs: HMAC-SHA256 over the canonical JSON body and the timestamp.
    const body = canonicalJson(call);
    const ts = Math.round(Date.now() / 1000).toString();
    const mac = createHmac("sha256", "0123456789abcdef0123456789abcdef")
      .update(body + ts)
      .digest("hex");
    const signed = await api.request("/api/inngest?fnId=support-hello&stepId=step", {
      method: "POST",
      headers: { "content-type": "application/json", "x-inngest-signature": `t=${ts}&s=${mac}` },
      body,
    });
    expect(signed.status).toBe(200);
    expect(await signed.json()).toEqual({ hello: "m1" });
  });

  it("is not exposed in embedded mode, where the engine calls the handler in-process", async () => {
    const api = await apiWith({});
    expect((await api.request("/api/inngest")).status).toBe(404);
  });
});
