import { callProductApp, SIGNATURE_HEADER } from "@support/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  checkIntegrationHealth,
  describeIntegrationOf,
  finishSecretRotation,
  integrateApp,
  rotateIntegrationSecret,
} from "../../src/index.js";
import { openTestTenant, type RunningSampleApp, startSampleApp, type TestTenant, tenantContext } from "./harness.js";

let tenant: TestTenant;
const apps: RunningSampleApp[] = [];
const ctx = () => tenantContext(tenant);

beforeAll(async () => {
  tenant = await openTestTenant();
});
afterAll(async () => {
  await Promise.all(apps.map((a) => a.close()));
  await tenant.database.close();
});

async function sampleApp(secrets: string[]) {
  const app = await startSampleApp(secrets);
  apps.push(app);
  return app;
}

describe("registering a product app and checking it", () => {
  it("generates a secret once, stores it encrypted, and describes the app through it", async () => {
    const probe = await sampleApp(["placeholder-secret-0000"]);
    const { integration, secret } = await integrateApp(ctx(), "courses", { url: probe.url });
    expect(secret).toMatch(/^whsec_[\w-]{43}$/);
    expect(integration).toMatchObject({ url: probe.url, activeSecrets: 1, capabilities: null });
    expect(JSON.stringify(integration)).not.toContain(secret);

    // The app does not know the generated secret yet: health says so instead of throwing.
    const refused = await checkIntegrationHealth(ctx(), "courses");
    expect(refused).toMatchObject({ ok: false, error: { kind: "http", status: 401 } });

    const app = await sampleApp([secret ?? ""]);
    const again = await integrateApp(ctx(), "courses", { url: app.url });
    expect(again.secret).toBeUndefined();
    const health = await checkIntegrationHealth(ctx(), "courses");
    expect(health).toMatchObject({
      ok: true,
      url: app.url,
      capabilities: expect.arrayContaining(["lookupUser", "refund"]),
    });
    expect(health.latencyMs).toBeGreaterThanOrEqual(0);
    expect((await describeIntegrationOf(ctx(), "courses")).capabilities).toEqual(health.capabilities);
  });

  it("rejects a bad URL, a short secret and an unknown policy field", async () => {
    const attempt = (input: { url: string; secret?: string; policy?: unknown }) =>
      integrateApp(ctx(), "courses", input).catch((e: { code: string }) => e.code);
    expect(await attempt({ url: "ftp://x.test" })).toBe("invalid_input");
    expect(await attempt({ url: "http://x.test", secret: "short" })).toBe("invalid_input");
    expect(await attempt({ url: "http://x.test", policy: { refundAnyAmount: true } })).toBe("invalid_input");
    expect(await integrateApp(ctx(), "nope", { url: "http://x.test" }).catch((e: { code: string }) => e.code)).toBe(
      "not_found",
    );
  });

  it("rotates: old and new secret both sign during the overlap, the old one stops after removal", async () => {
    const oldSecret = "whsec_old_secret_for_rotation";
    const newSecret = "whsec_new_secret_for_rotation";
    const onOld = await sampleApp([oldSecret]);
    const onNew = await sampleApp([newSecret]);
    await integrateApp(ctx(), "courses", { url: onOld.url, secret: oldSecret });
    const rotated = await rotateIntegrationSecret(ctx(), "courses", { secret: newSecret });
    expect(rotated.integration.activeSecrets).toBe(2);

    expect((await checkIntegrationHealth(ctx(), "courses")).ok).toBe(true);
    await integrateApp(ctx(), "courses", { url: onNew.url });
    expect((await checkIntegrationHealth(ctx(), "courses")).ok).toBe(true);

    const finished = await finishSecretRotation(ctx(), "courses");
    expect(finished.activeSecrets).toBe(1);
    expect((await checkIntegrationHealth(ctx(), "courses")).ok).toBe(true);
    await integrateApp(ctx(), "courses", { url: onOld.url });
    expect(await checkIntegrationHealth(ctx(), "courses")).toMatchObject({
      ok: false,
      error: { status: 401 },
    });
  });

  it("a signed call replayed verbatim is rejected by the app", async () => {
    const secret = "whsec_replay_secret_0001";
    const app = await sampleApp([secret]);
    let captured: { body: string; signature: string } | undefined;
    const recording: typeof fetch = async (url, init) => {
      captured = { body: String(init?.body), signature: new Headers(init?.headers).get(SIGNATURE_HEADER) ?? "" };
      return fetch(url, init);
    };
    await callProductApp({ url: app.url, secret, action: "describe", input: {}, fetch: recording });
    const replay = await fetch(app.url, {
      method: "POST",
      headers: { "content-type": "application/json", [SIGNATURE_HEADER]: captured?.signature ?? "" },
      body: captured?.body,
    });
    expect(replay.status).toBe(401);
  });
});
