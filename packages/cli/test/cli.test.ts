import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { skillIn, skillProcess } from "./skill.js";

const skill = (dataDir: string, ...args: string[]) => skillIn({ DATA_DIR: dataDir }, ...args);
const _skillWith = skillIn;

describe("skill CLI on a local data dir", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "support-cli-"));

  it("init creates the org, app, owner key and webhook URLs, then is idempotent", async () => {
    const first = await skill(dataDir, "init", "--name", "Acme", "--json");
    expect(first.code).toBe(0);
    const created = JSON.parse(first.stdout);
    expect(created.organization).toMatchObject({ name: "Default", created: true });
    expect(created.app).toMatchObject({ slug: "acme", created: true });
    expect(created.apiKey.token).toMatch(/^sk_/);
    expect(created.webhookUrls.whatsapp).toMatch(new RegExp(`/webhooks/whatsapp/${created.app.id}$`));

    const again = JSON.parse((await skill(dataDir, "init", "--name", "Acme", "--json")).stdout);
    expect(again.app).toMatchObject({ id: created.app.id, created: false });
    expect(again.apiKey).toBeNull();
    const withKey = JSON.parse((await skill(dataDir, "init", "--name", "Acme", "--new-key", "--json")).stdout);
    expect(withKey.apiKey.token).not.toBe(created.apiKey.token);
  });

  it("lists apps and manages keys with --json", async () => {
    const apps = JSON.parse((await skill(dataDir, "apps", "list", "--json")).stdout);
    expect(apps.data.map((a: { slug: string }) => a.slug)).toContain("acme");
    const key = JSON.parse(
      (await skill(dataDir, "keys", "create", "--name", "ci", "--role", "agent", "--json")).stdout,
    );
    expect(key).toMatchObject({ role: "agent", revokedAt: null });
    expect((await skill(dataDir, "keys", "revoke", key.id, "--json")).code).toBe(0);
    const keys = JSON.parse((await skill(dataDir, "keys", "list", "--json")).stdout);
    expect(keys.data.find((k: { id: string }) => k.id === key.id).revokedAt).not.toBeNull();
    expect(JSON.stringify(keys)).not.toContain("hash");
  });

  it("connects each channel with channels set and sees a message arrive with channels test", async () => {
    // One channel of each kind of secret; every channel's test message is covered by the API suite.
    const settings: Record<string, string[]> = {
      front: ["--secret", "front-app-secret"],
      whatsapp: ["--secret", "meta-secret", "--verify-token", "verify", "--phone-number-id", "106540352242922"],
      generic: ["--callback-url", "https://shop.example.com/support"],
    };
    const conversations: Record<string, string> = {};
    for (const [kind, flags] of Object.entries(settings)) {
      const set = await skill(dataDir, "channels", "set", kind, "--app", "acme", ...flags, "--json");
      expect(set.code, set.stderr).toBe(0);
      expect(JSON.parse(set.stdout)).toMatchObject({ kind, status: "active" });
      expect(set.stdout).not.toContain('secret"');
      const test = await skill(dataDir, "channels", "test", kind, "--app", "acme", "--json");
      expect(test.code, test.stderr).toBe(0);
      const report = JSON.parse(test.stdout);
      expect(report.status).toBeLessThan(300);
      if (kind !== "web") expect(report.conversationId).toMatch(/^cnv_/);
      conversations[kind] = report.conversationId;
    }
    // The test message's conversation replays: each drafting step's output, nothing stored.
    const replay = await skill(dataDir, "replay", conversations.generic ?? "", "--json");
    expect(replay.code, replay.stderr).toBe(0);
    const replayed = JSON.parse(replay.stdout);
    expect(replayed).toMatchObject({ conversationId: conversations.generic, outcome: expect.any(String) });
    expect(replayed.steps[0]).toMatchObject({ step: "guard" });
    const list = JSON.parse((await skill(dataDir, "channels", "list", "--app", "acme", "--json")).stdout);
    expect(list.data.find((c: { kind: string }) => c.kind === "front").secretsSet).toEqual(["appSecret"]);
    expect(JSON.stringify(list)).not.toContain("front-app-secret");
    const wrongFlag = await skill(dataDir, "channels", "set", "generic", "--app", "acme", "--verify-token", "x");
    expect(wrongFlag.stderr.trim()).toBe("skill: --verify-token does not apply to the generic channel");
  });

  it("connects Slack with slack connect, keeps the secrets write-only, and reconfigures without them", async () => {
    const none = JSON.parse((await skill(dataDir, "slack", "status", "--json")).stdout);
    expect(none).toMatchObject({ configured: false, secretsSet: [] });
    const noSecrets = await skill(dataDir, "slack", "connect", "--channel", "C0APPROVE");
    expect(noSecrets.stderr.trim()).toBe("skill: connecting Slack needs the bot token and the signing secret");
    const badToken = await skill(
      dataDir,
      "slack",
      "connect",
      "--bot-token",
      "nope",
      "--signing-secret",
      "s3cret-signing",
      "--channel",
      "C0APPROVE",
    );
    expect(badToken.stderr.trim()).toBe("skill: slack.botToken: a bot token starts with xoxb-");
    const connect = await skill(
      dataDir,
      "slack",
      "connect",
      "--bot-token",
      "xoxb-cli-token",
      "--signing-secret",
      "s3cret-signing",
      "--channel",
      "C0APPROVE",
      "--app",
      "acme",
      "--api-url",
      "http://127.0.0.1:9/api/",
      "--json",
    );
    expect(connect.code, connect.stderr).toBe(0);
    const view = JSON.parse(connect.stdout);
    expect(view).toMatchObject({
      configured: true,
      channelId: "C0APPROVE",
      summaryChannelId: null,
      appId: expect.stringMatching(/^app_/),
      apiUrl: "http://127.0.0.1:9/api",
      secretsSet: ["botToken", "signingSecret"],
    });
    expect(connect.stdout).not.toContain("xoxb-cli-token");
    const moved = JSON.parse((await skill(dataDir, "slack", "connect", "--channel", "C0OTHER", "--json")).stdout);
    expect(moved).toMatchObject({ channelId: "C0OTHER", appId: view.appId, secretsSet: ["botToken", "signingSecret"] });
    const summary = await skill(dataDir, "slack", "connect", "--channel", "C0OTHER", "--summary-channel", "C0DAILY");
    expect(summary.stdout).toContain("the daily summary to C0DAILY");
    const status = JSON.parse((await skill(dataDir, "slack", "status", "--json")).stdout);
    expect(status).toMatchObject({ channelId: "C0OTHER", summaryChannelId: "C0DAILY" });
  });

  it("doctor reports the embedded database as healthy and the unreachable Slack API as a failure", async () => {
    const doctor = await skill(dataDir, "doctor", "--json");
    expect(doctor.code).toBe(1);
    const report = JSON.parse(doctor.stdout);
    const status = Object.fromEntries(report.checks.map((c: { name: string; status: string }) => [c.name, c.status]));
    expect(status).toMatchObject({ database: "ok", migrations: "ok", "slack (default)": "fail" });
    expect(report.ok).toBe(false);
  });

  it("turns bad input into one clear line on stderr and a non-zero exit", async () => {
    const missing = await skill(dataDir, "init", "--json");
    expect(missing.code).not.toBe(0);
    expect(missing.stdout).toBe("");
    expect(missing.stderr.trim()).toBe("skill: init needs --name <product>");
    const badRole = await skill(dataDir, "keys", "create", "--name", "x", "--role", "root");
    expect(badRole.stderr).toMatch(/--role must be one of owner, admin, agent/);
    const unknownKey = await skill(dataDir, "keys", "revoke", "key_nope");
    expect(unknownKey.stderr.trim()).toBe("skill: API key key_nope not found");
    const unknown = await skill(dataDir, "frobnicate");
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr.trim()).toBe('skill: unknown command "frobnicate"; run skill --help');
  });
});

describe("skill as a process", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "support-cli-proc-"));

  it("prints the usage on stdout and exits 0 for --help", async () => {
    const help = await skillProcess({ DATA_DIR: dataDir }, "--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: skill <command>/);
    expect(help.stdout).toContain("doctor");
    expect(help.stderr).toBe("");
  });

  it("exits 1 with one line on stderr and nothing on stdout for bad input and bad configuration", async () => {
    const missing = await skillProcess({ DATA_DIR: dataDir }, "init", "--json");
    expect(missing).toMatchObject({ code: 1, stdout: "", stderr: "skill: init needs --name <product>\n" });
    const badFlag = await skillProcess({ DATA_DIR: dataDir }, "apps", "list", "--frobnicate");
    expect(badFlag.code).toBe(1);
    expect(badFlag.stderr).toMatch(/^skill: Unknown option '--frobnicate'/);
    const halfRemote = await skillProcess({ DATA_DIR: dataDir, SUPPORT_API_URL: "http://127.0.0.1:9" }, "apps", "list");
    expect(halfRemote.code).toBe(1);
    expect(halfRemote.stderr).toBe(
      "skill: Invalid configuration:\n  SUPPORT_API_URL and SUPPORT_API_KEY: set both or neither\n",
    );
  });

  it("creates the product and prints JSON on stdout with exit 0", async () => {
    const init = await skillProcess({ DATA_DIR: dataDir }, "init", "--name", "Spawned", "--json");
    expect(init.code, init.stderr).toBe(0);
    expect(JSON.parse(init.stdout).app).toMatchObject({ slug: "spawned", created: true });
  });
});
