import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { initProduct } from "@support/core";
import { loadConfig, openProduct, type Product } from "@support/product";
import { apiKeyFor } from "@support/product/testing";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi } from "../src/app.js";

let runtime: Product;
let api: ReturnType<typeof createApi>;
let ownerA: string;
let agentA: string;
let ownerB: string;
let appId: string;

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "support-api-"));
  runtime = await openProduct(loadConfig({ DATA_DIR: dataDir, BODY_LIMIT_BYTES: "2048" }));
  api = createApi(runtime, pino({ level: "silent" }));
  const a = await initProduct(runtime.platform, { name: "Acme", org: "Org A" });
  const b = await initProduct(runtime.platform, { name: "Other", org: "Org B" });
  ownerA = a.apiKey?.token ?? "";
  ownerB = b.apiKey?.token ?? "";
  appId = a.app.id;
  agentA = await apiKeyFor(runtime, a.organization.id, "agent", "agent");
});
afterAll(async () => runtime.database.close());

const call = (path: string, init: RequestInit & { key?: string } = {}) =>
  api.request(path, {
    ...init,
    headers: {
      ...(init.key ? { authorization: `Bearer ${init.key}` } : {}),
      ...(init.body ? { "content-type": "application/json" } : {}),
    },
  });

describe("health and documentation", () => {
  it("answers /health, /ready and /openapi.json", async () => {
    expect(await (await call("/health")).json()).toEqual({ status: "ok" });
    expect(await (await call("/ready")).json()).toMatchObject({ status: "ready", dialect: "sqlite", embedded: true });
    const doc = await (await call("/openapi.json")).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/v1/apps", "/api/v1/apps/{app}", "/api/v1/audit"]),
    );
  });
});

describe("apps", () => {
  it("lists the org's apps with its key and reads one by slug or id", async () => {
    const list = await (await call("/api/v1/apps", { key: ownerA })).json();
    expect(list.data.map((a: { slug: string }) => a.slug)).toEqual(["acme"]);
    expect(list.nextCursor).toBeNull();
    const bySlug = await call("/api/v1/apps/acme", { key: ownerA });
    expect(bySlug.status).toBe(200);
    // Webhook URLs carry the app id: slugs are unique per organization only.
    expect((await (await call(`/api/v1/apps/${appId}`, { key: ownerA })).json()).webhookUrls.front).toBe(
      `http://127.0.0.1:3000/webhooks/front/${appId}`,
    );
  });

  it("hides another organization's app behind 404", async () => {
    const res = await call(`/api/v1/apps/${appId}`, { key: ownerB });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({ code: "not_found", status: 404, requestId: expect.any(String) });
    const patch = await call(`/api/v1/apps/${appId}`, {
      key: ownerB,
      method: "PATCH",
      body: JSON.stringify({ name: "x" }),
    });
    expect(patch.status).toBe(404);
  });

  it("creates and patches apps, and records both in the audit log", async () => {
    const created = await call("/api/v1/apps", {
      key: ownerA,
      method: "POST",
      body: JSON.stringify({ name: "Widget Pro" }),
    });
    expect(created.status).toBe(201);
    expect((await created.json()).slug).toBe("widget-pro");
    const dup = await call("/api/v1/apps", {
      key: ownerA,
      method: "POST",
      body: JSON.stringify({ name: "Widget Pro" }),
    });
    expect(dup.status).toBe(409);
    const patched = await call("/api/v1/apps/widget-pro", {
      key: ownerA,
      method: "PATCH",
      body: JSON.stringify({ settings: { autonomyTier: "one_click" } }),
    });
    expect((await patched.json()).settings).toMatchObject({ autonomyTier: "one_click", tone: "friendly" });
    const audit = await (await call("/api/v1/audit", { key: ownerA })).json();
    expect(audit.data.map((e: { action: string }) => e.action).slice(0, 2)).toEqual(["app.updated", "app.created"]);
  });

  it("paginates with limit and cursor", async () => {
    const first = await (await call("/api/v1/apps?limit=1", { key: ownerA })).json();
    expect(first.data).toHaveLength(1);
    const second = await (await call(`/api/v1/apps?limit=1&cursor=${first.nextCursor}`, { key: ownerA })).json();
    expect(second.data[0].id).not.toBe(first.data[0].id);
  });
});

describe("bad input", () => {
  it("401 without a key or with a wrong one", async () => {
    expect((await call("/api/v1/apps")).status).toBe(401);
    expect((await call("/api/v1/apps", { key: "sk_notarealkeyatallxxxxxxxxxx" })).status).toBe(401);
  });

  it("403 when an agent changes settings", async () => {
    const res = await call("/api/v1/apps/acme", {
      key: agentA,
      method: "PATCH",
      body: JSON.stringify({ name: "Nope" }),
    });
    expect(res.status).toBe(403);
    expect((await res.json()).code).toBe("forbidden");
  });

  it("400 naming the field for wrong types, and for invalid JSON", async () => {
    const res = await call("/api/v1/apps", { key: ownerA, method: "POST", body: JSON.stringify({ name: 42 }) });
    expect(res.status).toBe(400);
    expect((await res.json()).detail).toContain("name");
    const broken = await call("/api/v1/apps", { key: ownerA, method: "POST", body: "{not json" });
    expect(broken.status).toBe(400);
    expect((await broken.json()).code).toBe("invalid_input");
    expect((await call("/api/v1/apps?limit=500", { key: ownerA })).status).toBe(400);
  });

  it("413 for a body over the limit", async () => {
    const res = await call("/api/v1/apps", {
      key: ownerA,
      method: "POST",
      body: JSON.stringify({ name: "x".repeat(5000) }),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).code).toBe("payload_too_large");
  });

  it("404 problem for unknown routes", async () => {
    const res = await call("/nope");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });
});

describe("API keys", () => {
  it("lets owners create, list and revoke keys, and a revoked key stops working", async () => {
    const created = await call("/api/v1/keys", {
      key: ownerA,
      method: "POST",
      body: JSON.stringify({ name: "sdk", role: "agent" }),
    });
    expect(created.status).toBe(201);
    const { id, token } = await created.json();
    expect((await call("/api/v1/apps", { key: token })).status).toBe(200);
    const list = await (await call("/api/v1/keys", { key: ownerA })).json();
    const listed = list.data.find((k: { id: string }) => k.id === id);
    expect(listed.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(list)).not.toContain(token);
    expect((await call(`/api/v1/keys/${id}`, { key: ownerB, method: "DELETE" })).status).toBe(404);
    expect((await call(`/api/v1/keys/${id}`, { key: ownerA, method: "DELETE" })).status).toBe(200);
    expect((await call("/api/v1/apps", { key: token })).status).toBe(401);
  });

  it("refuses key management to non-owners", async () => {
    expect((await call("/api/v1/keys", { key: agentA })).status).toBe(403);
  });
});

describe("content types", () => {
  it("answers 415 with a problem, not 500, for a body in a type the route does not take", async () => {
    const res = await api.request("/api/v1/knowledge/sources", {
      method: "POST",
      headers: { authorization: `Bearer ${ownerA}`, "content-type": "text/plain" },
      body: "hello",
    });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ code: "unsupported_media_type" });
  });
});
