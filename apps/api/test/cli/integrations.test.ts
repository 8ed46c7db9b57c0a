import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { skillIn } from "@support/cli/testing";
import { initProduct } from "@support/core";
import { createSampleApp } from "@support/example-sample-app";
import { seededStore } from "@support/example-sample-app/store";
import { loadConfig, openProduct } from "@support/product";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi } from "../../src/app.js";

const skill = skillIn;

function listen(fetch: (request: Request) => Response | Promise<Response>) {
  return new Promise<{ url: string; close: () => void }>((done) => {
    const server = serve({ fetch, hostname: "127.0.0.1", port: 0 }, (info: AddressInfo) =>
      done({ url: `http://127.0.0.1:${info.port}`, close: () => server.close() }),
    );
  });
}

const SECRET = "whsec_cli_sample_secret_01";
let sample: { url: string; close: () => void };
beforeAll(async () => {
  sample = await listen(createSampleApp({ store: seededStore(), secrets: [SECRET] }).fetch);
});
afterAll(() => sample.close());

describe("skill apps integrate and health", () => {
  it("locally: prints a generated secret once, then reports capabilities once the app knows the secret", async () => {
    // The sample app listens on 127.0.0.1: the CLI reads the allow-list like the server (ADR 0100).
    const env = {
      ALLOWED_OUTBOUND_NETWORKS: "127.0.0.0/8",
      DATA_DIR: mkdtempSync(join(tmpdir(), "support-cli-integ-")),
    };
    expect((await skill(env, "init", "--name", "Courses")).code).toBe(0);
    const url = `${sample.url}/support`;

    const generated = await skill(env, "apps", "integrate", "--app", "courses", "--url", url);
    expect(generated.code).toBe(0);
    expect(generated.stdout).toMatch(/Secret \(shown once, store it in the app now\): whsec_[\w-]{43}/);

    const set = await skill(env, "apps", "integrate", "--app", "courses", "--url", url, "--secret", SECRET, "--json");
    expect(JSON.parse(set.stdout)).toMatchObject({ integration: { url, activeSecrets: 1 } });
    const health = await skill(env, "apps", "health", "--app", "courses");
    expect(health.code).toBe(0);
    expect(health.stdout).toMatch(/^ok in \d+ ms \(SDK [\d.]+\)/);
    expect(health.stdout).toContain("capabilities: lookupUser, getPurchases, refund");

    const rotated = JSON.parse((await skill(env, "apps", "rotate-secret", "--app", "courses", "--json")).stdout);
    expect(rotated).toMatchObject({ integration: { activeSecrets: 2 }, secret: expect.stringMatching(/^whsec_/) });
    expect((await skill(env, "apps", "remove-old-secret", "--app", "courses")).code).toBe(0);
    // The sample app only knows the removed secret: health now fails, with the app's 401.
    const refused = await skill(env, "apps", "health", "--app", "courses");
    expect(refused.code).not.toBe(0);
    expect(refused.stdout).toContain("401");
  }, 120_000);

  it("against a server: the same commands over HTTP", async () => {
    const runtime = await openProduct(
      loadConfig({
        ALLOWED_OUTBOUND_NETWORKS: "127.0.0.0/8",
        DATA_DIR: mkdtempSync(join(tmpdir(), "support-cli-srv-")),
      }),
    );
    const init = await initProduct(runtime.platform, { name: "Remote Courses" });
    const server = await listen(createApi(runtime, pino({ level: "silent" })).fetch);
    const env = {
      DATA_DIR: mkdtempSync(join(tmpdir(), "support-cli-empty-")),
      SUPPORT_API_URL: server.url,
      SUPPORT_API_KEY: init.apiKey?.token ?? "",
    };
    try {
      const set = await skill(
        env,
        "apps",
        "integrate",
        "--app",
        "remote-courses",
        "--url",
        `${sample.url}/support`,
        "--secret",
        SECRET,
        "--refund-auto-days",
        "14",
        "--refund-auto-below",
        "5000",
        "--json",
      );
      expect(JSON.parse(set.stdout).integration.policy).toEqual({
        refundAutoApproveDays: 14,
        refundAutoApproveBelow: 5000,
      });
      const health = JSON.parse((await skill(env, "apps", "health", "--app", "remote-courses", "--json")).stdout);
      expect(health).toMatchObject({ ok: true, capabilities: expect.arrayContaining(["refund"]) });
      const missing = await skill(env, "apps", "health", "--app", "nope");
      expect(missing.stderr.trim()).toBe('skill: 404 app "nope" not found');
      const badPolicy = await skill(
        env,
        "apps",
        "integrate",
        "--app",
        "x",
        "--url",
        "http://x.test",
        "--refund-auto-days",
        "x",
      );
      expect(badPolicy.stderr.trim()).toBe("skill: --refund-auto-days must be a whole number");
    } finally {
      server.close();
      await runtime.database.close();
    }
  }, 120_000);
});
