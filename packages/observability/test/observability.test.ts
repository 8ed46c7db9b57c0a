import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { createLangfuseTracer, createLogger } from "../src/index.js";
import { startFakeIngest } from "./fake-ingest.js";

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers) await close();
  closers = [];
});

describe("Axiom log shipping", () => {
  it("ships structured logs to the dataset with the token, redacting contact data, and keeps stdout", async () => {
    const fake = await startFakeIngest(() => ({
      status: 200,
      body: { ingested: 1, failed: 0, failures: [], processedBytes: 10, blocksCreated: 0, walLength: 0 },
    }));
    closers.push(fake.close);
    const stdout = new PassThrough();
    const lines: string[] = [];
    stdout.on("data", (c) => lines.push(String(c)));
    const { logger, flush } = createLogger({
      level: "info",
      axiom: { token: "xaat-test", dataset: "support", url: fake.url },
      stdout,
    });
    logger.info({ requestId: "req-1", contact: { email: "ada@example.com" } }, "request");
    await flush();
    const ingest = fake.received.find((r) => r.path.startsWith("/v1/datasets/support/ingest"));
    expect(ingest?.headers.authorization).toBe("Bearer xaat-test");
    const text = ingest?.body.toString("utf8") ?? "";
    const events = text.trim().startsWith("[")
      ? JSON.parse(text)
      : text
          .trim()
          .split("\n")
          .map((l) => JSON.parse(l));
    expect(events[0]).toMatchObject({ msg: "request", requestId: "req-1", contact: { email: "[Redacted]" } });
    expect(lines.join("")).toContain('"requestId":"req-1"');
  });

  it("logs to stdout only when Axiom is not configured", async () => {
    const stdout = new PassThrough();
    const lines: string[] = [];
    stdout.on("data", (c) => lines.push(String(c)));
    const { logger, flush } = createLogger({ level: "info", stdout });
    logger.info("hello");
    await flush();
    expect(lines.join("")).toContain('"msg":"hello"');
  });
});

describe("Langfuse tracing", () => {
  it("exports the pipeline span and its model generation to the OTLP endpoint with basic auth", async () => {
    const fake = await startFakeIngest(() => ({ status: 200, body: {} }));
    closers.push(fake.close);
    const tracer = createLangfuseTracer({ publicKey: "pk-lf-test", secretKey: "sk-lf-test", baseUrl: fake.url });
    closers.push(() => tracer.shutdown());
    const result = await tracer.observe("pipeline.draft", "span", { messageId: "msg_1" }, async (run) => {
      const triage = await tracer.observe("triage", "generation", { messageId: "msg_1" }, async (generation) => {
        generation.update({ model: "offline", usage: { input: 12, output: 3 }, costUsd: 0 });
        return "billing";
      });
      run.update({ output: { category: triage } });
      return triage;
    });
    expect(result).toBe("billing");
    await tracer.flush();
    const exported = fake.received.filter((r) => r.path === "/api/public/otel/v1/traces");
    expect(exported.length).toBeGreaterThan(0);
    expect(exported[0]?.headers.authorization).toBe(`Basic ${Buffer.from("pk-lf-test:sk-lf-test").toString("base64")}`);
    const body = Buffer.concat(exported.map((r) => r.body)).toString("latin1");
    expect(body).toContain("pipeline.draft");
    expect(body).toContain("triage");
  });
});
