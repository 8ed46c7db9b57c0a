import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";

describe("configuration", () => {
  it("needs nothing for the embedded default", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: "127.0.0.1", embedded: true, publicUrl: "http://127.0.0.1:3000" });
    expect(config.dataDir).toMatch(/\.data$/);
  });

  it("takes Stripe Connect all or nothing, with an optional API base", () => {
    const stripe = { STRIPE_SECRET_KEY: "sk_test_1", STRIPE_WEBHOOK_SECRET: "whsec_1", STRIPE_CLIENT_ID: "ca_1" };
    expect(loadConfig({}).stripe).toBeUndefined();
    expect(loadConfig({ ...stripe, STRIPE_API_BASE: "http://127.0.0.1:12111" }).stripe).toEqual({
      secretKey: "sk_test_1",
      webhookSecret: "whsec_1",
      clientId: "ca_1",
      apiBase: "http://127.0.0.1:12111",
    });
    expect(() => loadConfig({ STRIPE_SECRET_KEY: "sk_test_1" })).toThrow(/set all three or none/);
    expect(() => loadConfig({ ...stripe, STRIPE_CLIENT_ID: "nope" })).toThrow(/STRIPE_CLIENT_ID/);
  });

  it("turns Stripe Billing on with the secret key and the billing webhook secret, Connect or not", () => {
    expect(loadConfig({}).billing).toBeUndefined();
    expect(loadConfig({}).plans.map((p) => p.id)).toEqual(["trial", "starter", "pro", "business"]);
    const billing = { STRIPE_SECRET_KEY: "sk_test_1", STRIPE_BILLING_WEBHOOK_SECRET: "whsec_b" };
    expect(loadConfig(billing)).toMatchObject({
      billing: { secretKey: "sk_test_1", webhookSecret: "whsec_b" },
      stripe: undefined,
      billingOverage: "pause",
    });
    expect(() => loadConfig({ STRIPE_BILLING_WEBHOOK_SECRET: "whsec_b" })).toThrow(/needs STRIPE_SECRET_KEY/);
    expect(() => loadConfig({ ...billing, STRIPE_CLIENT_ID: "ca_1" })).toThrow(/set all three or none/);
  });

  it("reads a plan catalogue from BILLING_PLANS_FILE and names what is wrong with it", () => {
    const dir = mkdtempSync(join(tmpdir(), "plans-"));
    const file = join(dir, "plans.json");
    const trial = {
      id: "trial",
      name: "Essai",
      trial: true,
      prices: {},
      quotas: { aiDrafts: 5, seats: 1, apps: 1, knowledgePages: 1, channels: 1 },
    };
    writeFileSync(
      file,
      JSON.stringify([trial, { ...trial, id: "shop", name: "Boutique", trial: false, prices: { MGA: 50000 } }]),
    );
    expect(loadConfig({ BILLING_PLANS_FILE: file }).plans.map((p) => [p.id, p.prices])).toEqual([
      ["trial", {}],
      ["shop", { MGA: 50000 }],
    ]);
    writeFileSync(file, JSON.stringify([{ ...trial, quotas: { ...trial.quotas, seats: -2 } }]));
    expect(() => loadConfig({ BILLING_PLANS_FILE: file })).toThrow(/BILLING_PLANS_FILE: .*seats/);
    writeFileSync(file, JSON.stringify([{ ...trial, trial: false, prices: { EUR: 100 } }]));
    expect(() => loadConfig({ BILLING_PLANS_FILE: file })).toThrow(/exactly one plan must be the trial/);
    expect(() => loadConfig({ BILLING_PLANS_FILE: join(dir, "missing.json") })).toThrow(/BILLING_PLANS_FILE: ENOENT/);
  });

  it("names every invalid variable at once", () => {
    expect(() => loadConfig({ PORT: "abc", DATABASE_URL: "postgres://x" })).toThrow(/PORT[\s\S]*DATABASE_URL/);
  });

  it("requires SECRETS_KEY for a production database", () => {
    expect(() => loadConfig({ DATABASE_URL: "mysql://root@127.0.0.1/test" })).toThrow(/SECRETS_KEY/);
    const key = Buffer.alloc(32, 7).toString("base64");
    expect(loadConfig({ DATABASE_URL: "mysql://root@127.0.0.1/test", SECRETS_KEY: key }).embedded).toBe(false);
  });

  it("wants the remote CLI variables together", () => {
    expect(() => loadConfig({ SUPPORT_API_URL: "http://127.0.0.1:3000" })).toThrow(/SUPPORT_API_KEY/);
  });

  it("configures Claude only with an API key", () => {
    expect(loadConfig({ ANTHROPIC_MODEL: "claude-haiku-4-5" }).anthropic).toBeUndefined();
    expect(loadConfig({ ANTHROPIC_API_KEY: "k", ANTHROPIC_BASE_URL: "http://127.0.0.1:9" }).anthropic).toEqual({
      apiKey: "k",
      baseUrl: "http://127.0.0.1:9",
      model: "claude-sonnet-5-5",
    });
    expect(() => loadConfig({ ANTHROPIC_API_KEY: "k", ANTHROPIC_BASE_URL: "not a url" })).toThrow(/ANTHROPIC_BASE_URL/);
  });

  it("configures Upstash Vector only with both its URL and token", () => {
    expect(() => loadConfig({ UPSTASH_VECTOR_REST_URL: "https://v.example.io" })).toThrow(/UPSTASH_VECTOR_REST_TOKEN/);
    expect(loadConfig({}).vectors).toBeUndefined();
    const config = loadConfig({ UPSTASH_VECTOR_REST_URL: "https://v.example.io", UPSTASH_VECTOR_REST_TOKEN: "t" });
    expect(config.vectors).toEqual({ url: "https://v.example.io", token: "t", fusion: "RRF", hostedEmbeddings: false });
  });

  it("splits API and worker processes only on a shared production database, and names the replay cache's Redis", () => {
    expect(loadConfig({}).role).toBe("all");
    expect(() => loadConfig({ ROLE: "worker" })).toThrow(/ROLE: worker needs DATABASE_URL on MySQL or PlanetScale/);
    expect(() => loadConfig({ ROLE: "primary" })).toThrow(/ROLE/);
    const production = { DATABASE_URL: "mysql://u@127.0.0.1/db", SECRETS_KEY: Buffer.alloc(32, 1).toString("base64") };
    expect(loadConfig({ ...production, ROLE: "api" }).role).toBe("api");
    expect(loadConfig({ REDIS_URL: "rediss://default:t@example.upstash.io:6379" }).redisUrl).toMatch(/^rediss:/);
    expect(() => loadConfig({ REDIS_URL: "http://example.com" })).toThrow(/REDIS_URL/);
  });
});
