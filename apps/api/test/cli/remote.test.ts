import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { skillIn, skillProcess } from "@support/cli/testing";
import { changeApp, initProduct, OPERATOR } from "@support/core";
import { loadConfig, openProduct } from "@support/product";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { createApi } from "../../src/app.js";

/** The `skill` CLI in remote mode (SUPPORT_API_URL) against this API, served on 127.0.0.1. */
const skillWith = skillIn;

async function waitForDrafts(env: Record<string, string>) {
  for (let i = 0; i < 20; i++) {
    const list = JSON.parse((await skillWith(env, "drafts", "list", "--json")).stdout);
    if (list.data.length > 0) return list.data as { id: string; status: string; conversationId: string }[];
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("no draft appeared");
}

describe("skill CLI against a running server", () => {
  // Many commands, two of them spawned processes: more than the default 5 s on a busy machine.
  it("lists apps and manages keys over HTTP with SUPPORT_API_URL and SUPPORT_API_KEY", async () => {
    const runtime = await openProduct(loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), "support-cli-srv-")) }));
    const init = await initProduct(runtime.platform, { name: "Remote Shop" });
    await changeApp(runtime.contextFor(init.organization.id, OPERATOR), init.app.id, {
      settings: { debounceSeconds: 0 },
    });
    await runtime.start();
    const server = serve({
      fetch: createApi(runtime, pino({ level: "silent" })).fetch,
      port: 0,
      hostname: "127.0.0.1",
    });
    await new Promise((resolve) => server.once("listening", resolve));
    const { port } = server.address() as { port: number };
    // An empty local data dir proves the answers come from the server.
    const env = {
      DATA_DIR: mkdtempSync(join(tmpdir(), "support-cli-empty-")),
      SUPPORT_API_URL: `http://127.0.0.1:${port}`,
      SUPPORT_API_KEY: init.apiKey?.token ?? "",
    };
    try {
      const apps = JSON.parse((await skillWith(env, "apps", "list", "--json")).stdout);
      expect(apps.data.map((a: { slug: string }) => a.slug)).toEqual(["remote-shop"]);
      const key = JSON.parse(
        (await skillWith(env, "keys", "create", "--name", "bot", "--role", "agent", "--json")).stdout,
      );
      expect(key.token).toMatch(/^sk_/);
      expect((await skillWith(env, "keys", "revoke", key.id, "--json")).code).toBe(0);
      const gone = await skillWith(env, "keys", "revoke", "key_missing");
      expect(gone.code).not.toBe(0);
      expect(gone.stderr.trim()).toBe("skill: 404 API key key_missing not found");
      const set = await skillWith(
        env,
        "channels",
        "set",
        "zendesk",
        "--app",
        "remote-shop",
        "--secret",
        "zd",
        "--json",
      );
      expect(JSON.parse(set.stdout)).toMatchObject({
        kind: "zendesk",
        status: "active",
        secretsSet: ["webhookSecret"],
      });
      const test = JSON.parse(
        (await skillWith(env, "channels", "test", "zendesk", "--app", "remote-shop", "--json")).stdout,
      );
      expect(test).toMatchObject({ channel: "zendesk", status: 200, outcome: "stored" });
      const [draft] = await waitForDrafts(env);
      if (!draft) throw new Error("no draft");
      expect(draft).toMatchObject({ status: "declined", conversationId: test.conversationId });
      const shown = JSON.parse((await skillWith(env, "drafts", "show", draft.id, "--json")).stdout);
      expect(shown.id).toBe(draft.id);
      // Replay runs on the server: its steps for the conversation, nothing stored there or here.
      const replay = await skillWith(env, "replay", draft.conversationId, "--json");
      expect(replay.code, replay.stderr).toBe(0);
      expect(JSON.parse(replay.stdout)).toMatchObject({
        conversationId: draft.conversationId,
        outcome: "planned",
        steps: expect.arrayContaining([expect.objectContaining({ step: "decide" })]),
      });
      const text = await skillWith(env, "replay", draft.conversationId);
      expect(text.stdout).toContain(`Replay of ${draft.conversationId}`);
      const missing = await skillWith(env, "replay", "cnv_missing");
      expect(missing.stderr.trim()).toBe('skill: 404 conversation "cnv_missing" not found');
      expect((await waitForDrafts(env)).map((d) => d.id)).toEqual([draft.id]);
      const noReason = await skillWith(env, "drafts", "reject", draft.id);
      expect(noReason.stderr.trim()).toBe("skill: drafts reject needs --reason <why>");
      const rejected = await skillWith(env, "drafts", "reject", draft.id, "--reason", "wrong product", "--json");
      expect(JSON.parse(rejected.stdout).status).toBe("rejected");
      const twice = await skillWith(env, "drafts", "reject", draft.id, "--reason", "again");
      expect(twice.stderr).toContain("409");
      const notSet = await skillWith(env, "channels", "test", "front", "--app", "remote-shop");
      expect(notSet.stderr).toContain("409");
      const badKey = await skillProcess({ ...env, SUPPORT_API_KEY: "sk_wrongwrongwrongwrongwrong" }, "apps", "list");
      expect(badKey).toMatchObject({ code: 1, stdout: "", stderr: "skill: 401 The API key is invalid or revoked.\n" });
      const spawned = await skillProcess(env, "apps", "list", "--json");
      expect(spawned.code, spawned.stderr).toBe(0);
      expect(JSON.parse(spawned.stdout).data.map((a: { slug: string }) => a.slug)).toEqual(["remote-shop"]);
      // Remote mode never opened a local database (nor generated a secrets key) in DATA_DIR.
      expect(readdirSync(env.DATA_DIR)).toEqual([]);
    } finally {
      server.close();
      await runtime.close();
    }
  }, 30_000);

  it("connects Slack on the server with slack connect (PUT /api/v1/slack)", async () => {
    const runtime = await openProduct(loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), "support-cli-slack-")) }));
    const init = await initProduct(runtime.platform, { name: "Slack Shop" });
    const server = serve({
      fetch: createApi(runtime, pino({ level: "silent" })).fetch,
      port: 0,
      hostname: "127.0.0.1",
    });
    await new Promise((resolve) => server.once("listening", resolve));
    const { port } = server.address() as { port: number };
    const env = {
      DATA_DIR: mkdtempSync(join(tmpdir(), "support-cli-empty-")),
      SUPPORT_API_URL: `http://127.0.0.1:${port}`,
      SUPPORT_API_KEY: init.apiKey?.token ?? "",
    };
    try {
      const connect = await skillWith(
        env,
        "slack",
        "connect",
        "--bot-token",
        "xoxb-remote",
        "--signing-secret",
        "remote-signing",
        "--channel",
        "C0REMOTE",
        "--app",
        "slack-shop",
        "--json",
      );
      expect(connect.code, connect.stderr).toBe(0);
      expect(JSON.parse(connect.stdout)).toMatchObject({ configured: true, channelId: "C0REMOTE", appId: init.app.id });
      expect(connect.stdout).not.toContain("xoxb-remote");
      const status = JSON.parse((await skillWith(env, "slack", "status", "--json")).stdout);
      expect(status).toMatchObject({ configured: true, secretsSet: ["botToken", "signingSecret"] });
    } finally {
      server.close();
      await runtime.database.close();
    }
  });
});
