import { mkdtempSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakeSlack } from "@support/slack/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeUpstash } from "../../knowledge/test/upstash-fake.js";
import { startFakeAnthropic } from "../../models/test/fake-anthropic.js";
import { skillIn, skillProcess } from "./skill.js";

interface Report {
  ok: boolean;
  checks: { name: string; status: "ok" | "warn" | "fail"; message: string }[];
}

const SECRETS = {
  anthropic: "sk-ant-doctor-secret-key",
  upstash: "upstash-doctor-secret-token",
  slack: "xoxb-doctor-secret-bot-token",
  signing: "doctor-signing-secret",
  stripe: "sk_test_doctor_secret",
  stripeWebhook: "whsec_doctor_secret",
  langfuse: "lf-doctor-secret",
  axiom: "xaat-doctor-secret",
};

/** Anything listening: the doctor only asks whether Inngest answers HTTP at its base URL. */
async function startFakeInngest() {
  const server = createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end("{}"));
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

/** A port nothing listens on: bound, then released. */
async function closedPortUrl() {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return `http://127.0.0.1:${port}`;
}

const byName = (report: Report) => Object.fromEntries(report.checks.map((c) => [c.name, c]));

let anthropic: Awaited<ReturnType<typeof startFakeAnthropic>>;
let upstash: Awaited<ReturnType<typeof startFakeUpstash>>;
let slack: Awaited<ReturnType<typeof startFakeSlack>>;
let inngest: Awaited<ReturnType<typeof startFakeInngest>>;
let dataDir: string;
let env: Record<string, string>;

beforeAll(async () => {
  [anthropic, upstash, slack, inngest] = await Promise.all([
    startFakeAnthropic(SECRETS.anthropic, []),
    startFakeUpstash(SECRETS.upstash),
    startFakeSlack(SECRETS.slack),
    startFakeInngest(),
  ]);
  dataDir = mkdtempSync(join(tmpdir(), "support-doctor-"));
  env = {
    DATA_DIR: dataDir,
    ANTHROPIC_API_KEY: SECRETS.anthropic,
    ANTHROPIC_BASE_URL: anthropic.url,
    UPSTASH_VECTOR_REST_URL: upstash.url,
    UPSTASH_VECTOR_REST_TOKEN: SECRETS.upstash,
    INNGEST_DEV: "1",
    INNGEST_BASE_URL: inngest.url,
    STRIPE_SECRET_KEY: SECRETS.stripe,
    STRIPE_WEBHOOK_SECRET: SECRETS.stripeWebhook,
    STRIPE_CLIENT_ID: "ca_doctor",
    LANGFUSE_PUBLIC_KEY: "pk-lf-doctor",
    LANGFUSE_SECRET_KEY: SECRETS.langfuse,
    AXIOM_TOKEN: SECRETS.axiom,
  };
  const local = { DATA_DIR: dataDir };
  expect((await skillIn(local, "init", "--name", "Acme")).code).toBe(0);
  expect((await skillIn(local, "init", "--name", "Quiet Shop")).code).toBe(0);
  expect((await skillIn(local, "channels", "set", "front", "--app", "acme", "--secret", "front-secret")).code).toBe(0);
  const connect = await skillIn(
    local,
    "slack",
    "connect",
    "--bot-token",
    SECRETS.slack,
    "--signing-secret",
    SECRETS.signing,
    "--channel",
    "C0DOCTOR",
    "--api-url",
    slack.url,
  );
  expect(connect.code, connect.stderr).toBe(0);
});

afterAll(async () => {
  await Promise.all([anthropic.close(), upstash.close(), slack.close()]);
  inngest.close();
});

describe("skill doctor", () => {
  it("reports every configured adapter and tenant as healthy against the vendors' fakes, with no secret printed", async () => {
    const json = await skillIn(env, "doctor", "--json");
    expect(json.code, json.stdout).toBe(0);
    const report = JSON.parse(json.stdout) as Report;
    expect(report.ok).toBe(true);
    const checks = byName(report);
    expect(Object.keys(checks)).toEqual([
      "database",
      "migrations",
      "secrets",
      "workflows",
      "vectors",
      "model",
      "payments",
      "langfuse",
      "axiom",
      "slack (default)",
      "channels (default/acme)",
      "channels (default/quiet-shop)",
    ]);
    expect(checks.workflows).toMatchObject({ status: "ok", message: `Inngest dev server reachable at ${inngest.url}` });
    expect(checks.vectors).toMatchObject({
      status: "ok",
      message: expect.stringContaining("Upstash Vector reachable"),
    });
    expect(checks.model).toMatchObject({
      status: "ok",
      message: `Anthropic key accepted at ${anthropic.url}, model claude-sonnet-5-5 available`,
    });
    expect(checks["slack (default)"]).toMatchObject({
      status: "ok",
      message: "connected as support-bot in Fake Team; cards go to C0DOCTOR",
    });
    expect(slack.calls.map((c) => c.method)).toContain("auth.test");
    expect(checks.payments?.message).toMatch(/^Stripe Connect configured/);
    expect(checks.langfuse?.message).toMatch(/^configured/);
    expect(checks.axiom?.message).toMatch(/^configured/);
    expect(checks["channels (default/acme)"]).toMatchObject({ status: "ok", message: "front active" });
    expect(checks["channels (default/quiet-shop)"]).toMatchObject({ status: "warn" });

    const text = await skillIn(env, "doctor");
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^ok {3}database +sqlite reachable$/m);
    expect(text.stdout).toMatch(/^warn channels \(default\/quiet-shop\) +no channel connected/m);
    for (const secret of Object.values(SECRETS)) {
      expect(json.stdout).not.toContain(secret);
      expect(text.stdout).not.toContain(secret);
    }
  });

  it("fails each adapter that refuses its credentials or does not answer, and exits 1", async () => {
    const broken = {
      ...env,
      ANTHROPIC_API_KEY: "sk-ant-wrong-key-for-doctor",
      UPSTASH_VECTOR_REST_TOKEN: "wrong-upstash-token",
      INNGEST_BASE_URL: await closedPortUrl(),
    };
    const result = await skillIn(broken, "doctor", "--json");
    expect(result.code).toBe(1);
    const checks = byName(JSON.parse(result.stdout) as Report);
    expect(checks.model).toMatchObject({
      status: "fail",
      message: `Anthropic at ${anthropic.url} refused the API key (401)`,
    });
    expect(checks.vectors).toMatchObject({
      status: "fail",
      message: `Upstash Vector at ${upstash.url} refused the token`,
    });
    expect(checks.workflows).toMatchObject({
      status: "fail",
      message: expect.stringMatching(/^Inngest dev server unreachable/),
    });
    expect(checks.database?.status).toBe("ok");
    expect(result.stdout).not.toContain("sk-ant-wrong-key-for-doctor");

    const unknownModel = await skillIn({ ...env, ANTHROPIC_MODEL: "claude-nonexistent" }, "doctor", "--json");
    expect(byName(JSON.parse(unknownModel.stdout) as Report).model).toMatchObject({
      status: "fail",
      message: `Anthropic at ${anthropic.url} has no model claude-nonexistent (404)`,
    });
  });

  it("fails Slack when the workspace refuses the bot token", async () => {
    const other = mkdtempSync(join(tmpdir(), "support-doctor-slack-"));
    expect((await skillIn({ DATA_DIR: other }, "init", "--name", "Shop")).code).toBe(0);
    const connect = await skillIn(
      { DATA_DIR: other },
      "slack",
      "connect",
      "--bot-token",
      "xoxb-revoked-token",
      "--signing-secret",
      "signing-secret-shop",
      "--channel",
      "C0X",
      "--api-url",
      slack.url,
    );
    expect(connect.code, connect.stderr).toBe(0);
    const result = await skillIn({ DATA_DIR: other }, "doctor", "--json");
    expect(result.code).toBe(1);
    expect(byName(JSON.parse(result.stdout) as Report)["slack (default)"]).toEqual({
      name: "slack (default)",
      status: "fail",
      message: "Slack refused the bot token (invalid_auth)",
    });
  });

  it("exits 1 as a process when the database has no migrations, and says how to fix it", async () => {
    const empty = mkdtempSync(join(tmpdir(), "support-doctor-empty-"));
    const result = await skillProcess({ DATA_DIR: empty }, "doctor");
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^FAIL migrations +not applied \(.*no such table.*\): run skill db migrate$/m);
  });
});
