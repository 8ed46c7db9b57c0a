/**
 * Cross-site request refusal on cookie-authenticated mutations (issue 14, Medium 4; ADR 0102):
 * a page on another site can make the browser send the session cookie, so a mutation needs the
 * dashboard's origin and a JSON body. API keys are not ambient and are not checked.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig, openProduct, type Product } from "@support/product";
import { apiKeyFor } from "@support/product/testing";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi } from "../src/app.js";

const publicUrl = "https://support.example.com";
const evil = "https://evil.example.net";

describe("cookie-authenticated mutations from another site", () => {
  let runtime: Product;
  let api: ReturnType<typeof createApi>;
  let cookie = "";
  let orgId = "";
  let app = "";

  const call = (path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
    api.request(path, { method: init.method ?? "POST", headers: { cookie, ...init.headers }, body: init.body });
  const cookieOf = (res: Response) =>
    res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
  const signingKeys = async () =>
    (await (await call(`/api/v1/apps/${app}/signing-keys`, { method: "GET" })).json()) as unknown;

  beforeAll(async () => {
    runtime = await openProduct(
      loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), "support-csrf-")), PUBLIC_URL: publicUrl }),
    );
    api = createApi(runtime, pino({ level: "silent" }));
    const json = { "content-type": "application/json", origin: publicUrl };
    const email = `grace-${Math.random().toString(36).slice(2, 8)}@example.com`;
    await call("/api/auth/sign-up/email", {
      headers: json,
      body: JSON.stringify({ email, password: "correct horse battery", name: "Grace" }),
    });
    const signIn = await call("/api/auth/sign-in/email", {
      headers: json,
      body: JSON.stringify({ email, password: "correct horse battery" }),
    });
    cookie = cookieOf(signIn);
    const org = await (
      await call("/api/auth/organization/create", {
        headers: json,
        body: JSON.stringify({ name: "Grace Corp", slug: `grace-${email.slice(6, 12)}` }),
      })
    ).json();
    orgId = org.id;
    const active = await call("/api/auth/organization/set-active", {
      headers: json,
      body: JSON.stringify({ organizationId: orgId }),
    });
    cookie = cookieOf(active) || cookie;
    const created = await call("/api/v1/apps", {
      headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" },
      body: JSON.stringify({ name: "Grace Shop" }),
    });
    expect(created.status).toBe(201);
    app = (await created.json()).slug;
  });
  afterAll(async () => runtime.database.close());

  it("refuses a cross-origin approve with no content type before it reaches the draft", async () => {
    const crossSite = await call("/api/v1/drafts/drf_missing/approve", { headers: { origin: evil } });
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.get("content-type")).toContain("application/problem+json");
    const byFetchMetadata = await call("/api/v1/drafts/drf_missing/approve", {
      headers: { "sec-fetch-site": "cross-site", "content-type": "application/json" },
      body: "{}",
    });
    expect(byFetchMetadata.status).toBe(403);
    // The same request from the dashboard reaches the service, which does not know the draft.
    const sameOrigin = await call("/api/v1/drafts/drf_missing/approve", {
      headers: { origin: publicUrl, "content-type": "application/json" },
      body: "{}",
    });
    expect(sameOrigin.status).toBe(404);
  });

  it("refuses a cross-site key rotation and leaves the signing keys as they were", async () => {
    const before = await signingKeys();
    const attempts: Record<string, string>[] = [
      { origin: evil },
      { origin: evil, "content-type": "application/json" },
      { "sec-fetch-site": "same-site", "content-type": "application/json" },
    ];
    for (const headers of attempts) {
      const res = await call(`/api/v1/apps/${app}/signing-keys/rotate`, { headers, body: "{}" });
      expect(res.status).toBe(403);
    }
    expect(await signingKeys()).toEqual(before);
    const rotated = await call(`/api/v1/apps/${app}/signing-keys/rotate`, {
      headers: { "sec-fetch-site": "same-origin", "content-type": "application/json" },
      body: "{}",
    });
    expect(rotated.status).toBe(200);
    expect(await signingKeys()).not.toEqual(before);
  });

  it("accepts only JSON bodies on cookie mutations, a form post gets 415", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const res = await call(`/api/v1/apps/${app}/signing-keys/rotate`, {
        headers: { "sec-fetch-site": "same-origin", "content-type": type },
        body: "a=b",
      });
      expect(res.status).toBe(415);
    }
    const noType = await call(`/api/v1/apps/${app}/signing-keys/rotate`, { headers: { origin: publicUrl } });
    expect(noType.status).toBe(415);
  });

  it("takes a catalogue upload (multipart) from the dashboard's origin only", async () => {
    const upload = (headers: Record<string, string>) => {
      const form = new FormData();
      form.set("file", new File(["sku,title,price\nCSRF-1,Upload probe,1000\n"], "catalogue.csv"));
      return api.request(`/api/v1/apps/${app}/products/import`, {
        method: "POST",
        headers: { cookie, ...headers },
        body: form,
      });
    };
    expect((await upload({ origin: evil })).status).toBe(403);
    // A form post that proves no origin at all is refused too: any site could have sent it.
    expect((await upload({})).status).toBe(415);
    const fromDashboard = await upload({ origin: publicUrl });
    expect(fromDashboard.status).toBe(200);
    expect((await fromDashboard.json()).applied).toBe(true);
  });

  it("leaves API-key requests alone, whatever their origin and content type", async () => {
    const key = await apiKeyFor(runtime, orgId, "owner");
    const res = await api.request(`/api/v1/apps/${app}/signing-keys/rotate`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, origin: evil },
    });
    expect(res.status).toBe(200);
  });
});
