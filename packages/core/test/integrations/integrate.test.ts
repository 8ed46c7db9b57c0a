import { callProductApp, SIGNATURE_HEADER } from "@support/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  checkIntegrationHealth,
  describeIntegrationOf,
  finishSecretRotation,
  integrateApp,
  rotateIntegrationSecret,
} from "../../src/index.js";
import { openTestTenant, type RunningSampleApp, startSampleApp, type TestTenant } from "./harness.js";

let tenant: TestTenant;
const apps: RunningSampleApp[] = [];
const deps = () => ({ db: tenant.database.db, secrets: tenant.secrets });

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
    const { integration, secret } = await integrateApp(
      deps(),
      tenant.orgId,
      "courses",
      { url: probe.url },
      "usr_admin",
    );
    expect(secret).toMatch(/^whsec_[\w-]{43}$/);
    expect(integration).toMatchObject({ url: probe.url, activeSecrets: 1, capabilities: null });
    expect(JSON.stringify(integration)).not.toContain(secret);

    // The app does not know the generated secret yet: health says so instead of throwing.
    const refused = await checkIntegrationHealth(deps(), tenant.orgId, "courses");
    expect(refused).toMatchObject({ ok: false, error: { kind: "http", status: 401 } });

    const app = await sampleApp([secret ?? ""]);
    const again = await integrateApp(deps(), tenant.orgId, "courses", { url: app.url }, "usr_admin");
    expect(again.secret).toBeUndefined();
    const health = await checkIntegrationHealth(deps(), tenant.orgId, "courses");
    expect(health).toMatchObject({
      ok: true,
      url: app.url,
      capabilities: expect.arrayContaining(["lookupUser", "refund"]),
    });
    expect(health.latencyMs).toBeGreaterThanOrEqual(0);
    expect((await describeIntegrationOf(deps(), tenant.orgId, "courses")).capabilities).toEqual(health.capabilities);
  });

  it("rejects a bad URL, a short secret and an unknown policy field", async () => {
    const attempt = (input: { url: string; secret?: string; policy?: unknown }) =>
      integrateApp(deps(), tenant.orgId, "courses", input, "usr_admin").catch((e: { code: string }) => e.code);
    expect(await attempt({ url: "ftp://x.test" })).toBe("invalid_input");
    expect(await attempt({ url: "http://x.test", secret: "short" })).toBe("invalid_input");
    expect(await attempt({ url: "http://x.test", policy: { refundAnyAmount: true } })).toBe("invalid_input");
    expect(
      await integrateApp(deps(), tenant.orgId, "nope", { url: "http://x.test" }, "usr_admin").catch(
        (e: { code: string }) => e.code,
      ),
    ).toBe("not_found");
  });

  it("rotates: old and new secret both sign during the overlap, the old one stops after removal", async () => {
    const oldSecret = "whsec_old_secret_for_rotation";
    const newSecret = "whsec_new_secret_for_rotation";
    const onOld = await sampleApp([oldSecret]);
    const onNew = await sampleApp([newSecret]);
    await integrateApp(deps(), tenant.orgId, "courses", { url: onOld.url, secret: oldSecret }, "usr_admin");
    const rotated = await rotateIntegrationSecret(deps(), tenant.orgId, "courses", { secret: newSecret }, "usr_admin");
    expect(rotated.integration.activeSecrets).toBe(2);

    expect((await checkIntegrationHealth(deps(), tenant.orgId, "courses")).ok).toBe(true);
    await integrateApp(deps(), tenant.orgId, "courses", { url: onNew.url }, "usr_admin");
    expect((await checkIntegrationHealth(deps(), tenant.orgId, "courses")).ok).toBe(true);

    const finished = await finishSecretRotation(deps(), tenant.orgId, "courses", "usr_admin");
    expect(finished.activeSecrets).toBe(1);
    expect((await checkIntegrationHealth(deps(), tenant.orgId, "courses")).ok).toBe(true);
    await integrateApp(deps(), tenant.orgId, "courses", { url: onOld.url }, "usr_admin");
    expect(await checkIntegrationHealth(deps(), tenant.orgId, "courses")).toMatchObject({
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
