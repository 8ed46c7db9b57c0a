import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { skillIn } from "@support/cli/testing";
import { initProduct } from "@support/core";
import { loadConfig, openProduct } from "@support/product";
import { signPayload } from "@support/sdk/signing";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { createApi } from "../../src/app.js";

let sent = 0;
/** A generic webhook signed with exactly these secrets, posted through `send`; answers the status. */
async function deliver(send: (path: string, init: RequestInit) => Promise<Response>, appId: string, secrets: string[]) {
  sent++;
  const raw = JSON.stringify({
    type: "message.received",
    id: `cli-rotation-${sent}`,
    customer: { email: "ada@example.com" },
    message: { text: `message ${sent}` },
  });
  const res = await send(`/webhooks/generic/${appId}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-support-signature": signPayload(raw, secrets) },
    body: raw,
  });
  return res.status;
}

const versions = (view: { keys: { version: number }[] }) => view.keys.map((k) => k.version);

describe("skill keys rotate|remove-old|signing on a local data dir", () => {
  const env = { DATA_DIR: mkdtempSync(join(tmpdir(), "support-cli-signing-")) };
  /** The product's own webhook route on the same data dir, opened only for the delivery. */
  const local = async (appId: string, secrets: string[]) => {
    const runtime = await openProduct(loadConfig(env));
    try {
      const api = createApi(runtime, pino({ level: "silent" }));
      return await deliver(async (path, init) => api.request(path, init), appId, secrets);
    } finally {
      await runtime.database.close();
    }
  };

  it("rotates with an overlap, then only the new secret verifies", async () => {
    const init = JSON.parse((await skillIn(env, "init", "--name", "Keys Shop", "--json")).stdout);
    const { id: appId } = init.app;
    const oldSecret: string = init.signingSecret;
    expect(oldSecret).toMatch(/^whsec_/);

    const listed = await skillIn(env, "keys", "signing", "--app", "keys-shop");
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(
      /^Webhook signing keys of keys-shop \(1 live\):\nv1 {2}\S+ {2}created \S+ {2}\(newest\)\n$/,
    );

    const rotated = await skillIn(env, "keys", "rotate", "--app", "keys-shop");
    expect(rotated.code, rotated.stderr).toBe(0);
    const newSecret = rotated.stdout.match(/\(shown once\): (whsec_[\w-]+)/)?.[1] ?? "";
    expect(newSecret).not.toBe(oldSecret);
    expect(rotated.stdout).toContain("skill keys remove-old --app keys-shop");
    const during = JSON.parse((await skillIn(env, "keys", "signing", "--app", "keys-shop", "--json")).stdout);
    expect(versions(during)).toEqual([2, 1]);
    expect(JSON.stringify(during)).not.toContain(newSecret);

    expect(await local(appId, [oldSecret])).toBe(200);
    expect(await local(appId, [newSecret])).toBe(200);

    const removed = await skillIn(env, "keys", "remove-old", "--app", "keys-shop");
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toContain("Only v2 verifies and signs webhooks of keys-shop now.");
    expect(await local(appId, [oldSecret])).toBe(401);
    expect(await local(appId, [newSecret])).toBe(200);
  }, 120_000);

  it("prints the secret and the live versions with --json, and one line for bad input", async () => {
    const rotated = JSON.parse((await skillIn(env, "keys", "rotate", "--app", "keys-shop", "--json")).stdout);
    expect(rotated).toMatchObject({ secret: expect.stringMatching(/^whsec_/), appId: expect.stringMatching(/^app_/) });
    expect(versions(rotated)).toEqual([3, 2]);
    const noApp = await skillIn(env, "keys", "rotate");
    expect(noApp).toMatchObject({ code: 1, stdout: "", stderr: "skill: keys rotate needs --app <app>\n" });
    const unknown = await skillIn(env, "keys", "signing", "--app", "nope");
    expect(unknown).toMatchObject({ code: 1, stderr: 'skill: app "nope" not found\n' });
  }, 60_000);
});

describe("skill keys rotate|remove-old|signing against a running server", () => {
  it("acts on the server's keys over HTTP, with the same overlap", async () => {
    const runtime = await openProduct(
      loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), "support-cli-signing-srv-")) }),
    );
    const init = await initProduct(runtime.platform, { name: "Remote Keys" });
    const api = createApi(runtime, pino({ level: "silent" }));
    const server = await new Promise<{ url: string; close: () => void }>((done) => {
      const s = serve({ fetch: api.fetch, hostname: "127.0.0.1", port: 0 }, (info: AddressInfo) =>
        done({ url: `http://127.0.0.1:${info.port}`, close: () => s.close() }),
      );
    });
    // An empty local data dir: every answer comes from the server.
    const env = {
      DATA_DIR: mkdtempSync(join(tmpdir(), "support-cli-empty-")),
      SUPPORT_API_URL: server.url,
      SUPPORT_API_KEY: init.apiKey?.token ?? "",
    };
    const overHttp = (path: string, request: RequestInit) => fetch(new URL(path, server.url), request);
    try {
      const rotated = JSON.parse((await skillIn(env, "keys", "rotate", "--app", "remote-keys", "--json")).stdout);
      expect(versions(rotated)).toEqual([2, 1]);
      const listed = JSON.parse((await skillIn(env, "keys", "signing", "--app", "remote-keys", "--json")).stdout);
      expect(listed).toEqual({ appId: init.app.id, keys: rotated.keys });
      expect(await deliver(overHttp, init.app.id, [init.signingSecret ?? ""])).toBe(200);
      expect(await deliver(overHttp, init.app.id, [rotated.secret])).toBe(200);

      const removed = JSON.parse((await skillIn(env, "keys", "remove-old", "--app", "remote-keys", "--json")).stdout);
      expect(versions(removed)).toEqual([2]);
      expect(await deliver(overHttp, init.app.id, [init.signingSecret ?? ""])).toBe(401);
      expect(await deliver(overHttp, init.app.id, [rotated.secret])).toBe(200);

      const missing = await skillIn(env, "keys", "rotate", "--app", "nope");
      expect(missing.stderr).toBe('skill: 404 app "nope" not found\n');
    } finally {
      server.close();
      await runtime.database.close();
    }
  }, 120_000);
});
