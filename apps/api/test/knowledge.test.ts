import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
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
let site: Server;
let siteUrl: string;

beforeAll(async () => {
  runtime = await openProduct(
    loadConfig({ ALLOWED_OUTBOUND_NETWORKS: "127.0.0.0/8", DATA_DIR: mkdtempSync(join(tmpdir(), "support-kb-api-")) }),
  );
  api = createApi(runtime, pino({ level: "silent" }));
  const a = await initProduct(runtime.platform, { name: "Acme", org: "Org A" });
  const b = await initProduct(runtime.platform, { name: "Acme", org: "Org B" });
  ownerA = a.apiKey?.token ?? "";
  ownerB = b.apiKey?.token ?? "";
  agentA = await apiKeyFor(runtime, a.organization.id, "agent", "agent");
  // The knowledge workflow processes what the routes store.
  await runtime.start();
  site = createServer((req, res) => {
    if (req.url === "/") {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(`<html><head><title>Help</title></head><body><nav>Menu</nav><main><h1>Shipping</h1>
        <p>Orders ship from the Lyon warehouse within two working days.</p><a href="/returns">Returns</a></main></body></html>`);
    } else if (req.url === "/returns") {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html><body><main><h1>Returns</h1><p>Return unworn shoes within 60 days.</p></main></body></html>");
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => site.close(() => resolve()));
  await runtime.close();
});

const call = (path: string, init: RequestInit & { key?: string } = {}) =>
  api.request(path, {
    ...init,
    headers: {
      ...(init.key ? { authorization: `Bearer ${init.key}` } : {}),
      ...(typeof init.body === "string" ? { "content-type": "application/json" } : {}),
    },
  });

const post = (key: string, body: unknown) =>
  call("/api/v1/knowledge/sources", { key, method: "POST", body: JSON.stringify(body) });

/** Processing runs in a workflow: poll the source as a client would. */
async function settled(key: string, id: string) {
  for (let i = 0; i < 500; i++) {
    const source = await (await call(`/api/v1/knowledge/sources/${id}`, { key })).json();
    if (source.status === "ready" || source.status === "error") return source;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`source ${id} never settled`);
}

const search = async (key: string, q: string, app = "acme") =>
  call(`/api/v1/knowledge/search?app=${app}&q=${encodeURIComponent(q)}&k=3`, { key });

describe("knowledge sources over the API", () => {
  let manualId: string;

  it("accepts a manual entry as pending, processes it to ready with progress, and searches it", async () => {
    const res = await post(ownerA, {
      app: "acme",
      title: "Passwords",
      body: "# Reset\n\nUse the 'Forgot password' link on the sign-in page; the email arrives within a minute.",
    });
    const created = await res.json();
    expect(res.status).toBe(202);
    expect(created).toMatchObject({ kind: "manual", status: "pending", progress: { done: 0, total: 0 } });
    manualId = created.id;
    const ready = await settled(ownerA, manualId);
    expect(ready).toMatchObject({ status: "ready", error: null, progress: { done: 1, total: 1 } });
    const found = await (await search(agentA, "forgot my password")).json();
    expect(found.relevant).toBe(true);
    expect(found.passages[0]).toMatchObject({ sourceId: manualId, title: "Passwords > Reset", retriever: "hybrid" });
  });

  it("takes a multipart upload and refuses unreadable files with the reason", async () => {
    const form = new FormData();
    form.set("app", "acme");
    form.set("file", new File(["# Billing\n\nInvoices are sent on the 1st of each month."], "billing.md"));
    const res = await call("/api/v1/knowledge/sources", { key: ownerA, method: "POST", body: form });
    expect(res.status).toBe(202);
    const source = await settled(ownerA, (await res.json()).id);
    expect(source).toMatchObject({ kind: "file", title: "Billing", uri: "billing.md", status: "ready" });

    const bad = new FormData();
    bad.set("app", "acme");
    bad.set("file", new File(["%PDF-1.4 garbage"], "broken.pdf"));
    const refused = await call("/api/v1/knowledge/sources", { key: ownerA, method: "POST", body: bad });
    expect(refused.status).toBe(400);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect((await refused.json()).detail).toBe("broken.pdf is not a readable PDF");
  });

  it("crawls a site into the shared namespace, which every app searches; an unreachable site errors with a reason", async () => {
    const res = await post(ownerA, { app: "shared", url: siteUrl, maxPages: 5 });
    expect(res.status).toBe(202);
    const source = await settled(ownerA, (await res.json()).id);
    expect(source).toMatchObject({ kind: "url", namespace: "shared", status: "ready" });
    const found = await (await search(ownerA, "how long to return shoes")).json();
    expect(found.passages[0]).toMatchObject({ url: `${siteUrl}returns`, title: "Returns" });

    const dead = await settled(
      ownerA,
      (await (await post(ownerA, { app: "acme", url: "http://127.0.0.1:1/" })).json()).id,
    );
    expect(dead.status).toBe("error");
    expect(dead.error).toMatch(/unreachable/);
  });

  it("re-syncs and deletes; a deleted source's passages are gone", async () => {
    const resync = await call(`/api/v1/knowledge/sources/${manualId}/resync`, { key: ownerA, method: "POST" });
    expect(resync.status).toBe(202);
    expect(await resync.json()).toMatchObject({ id: manualId, status: "pending" });
    expect((await settled(ownerA, manualId)).status).toBe("ready");
    expect((await call(`/api/v1/knowledge/sources/${manualId}`, { key: ownerA, method: "DELETE" })).status).toBe(204);
    expect((await call(`/api/v1/knowledge/sources/${manualId}`, { key: ownerA })).status).toBe(404);
    const after = await (await search(ownerA, "forgot my password")).json();
    expect(after.passages.some((p: { sourceId: string }) => p.sourceId === manualId)).toBe(false);
  });

  it("lists sources per app with pagination", async () => {
    const list = await (await call("/api/v1/knowledge/sources?app=acme&limit=1", { key: agentA })).json();
    expect(list.data).toHaveLength(1);
    expect(list.nextCursor).not.toBeNull();
    const shared = await (await call("/api/v1/knowledge/sources?app=shared", { key: agentA })).json();
    expect(shared.data.map((s: { kind: string }) => s.kind)).toEqual(["url"]);
  });
});

describe("knowledge access control", () => {
  it("lets agents search but not add, re-sync, import or delete", async () => {
    expect((await post(agentA, { app: "acme", title: "x", body: "y" })).status).toBe(403);
    const list = await (await call("/api/v1/knowledge/sources", { key: agentA })).json();
    const id = list.data[0].id;
    expect((await call(`/api/v1/knowledge/sources/${id}`, { key: agentA, method: "DELETE" })).status).toBe(403);
    expect((await call(`/api/v1/knowledge/sources/${id}/resync`, { key: agentA, method: "POST" })).status).toBe(403);
    const canned = await call("/api/v1/knowledge/canned/import", {
      key: agentA,
      method: "POST",
      body: JSON.stringify({ app: "acme" }),
    });
    expect(canned.status).toBe(403);
  });

  it("keeps organizations apart: another org's sources are not found and its own app sees nothing", async () => {
    const list = await (await call("/api/v1/knowledge/sources", { key: ownerA })).json();
    const id = list.data[0].id;
    expect((await call(`/api/v1/knowledge/sources/${id}`, { key: ownerB })).status).toBe(404);
    expect((await call(`/api/v1/knowledge/sources/${id}`, { key: ownerB, method: "DELETE" })).status).toBe(404);
    expect((await call(`/api/v1/knowledge/sources/${id}/resync`, { key: ownerB, method: "POST" })).status).toBe(404);
    expect((await (await call("/api/v1/knowledge/sources", { key: ownerB })).json()).data).toEqual([]);
    expect(await (await search(ownerB, "Lyon warehouse")).json()).toMatchObject({ passages: [], relevant: false });
  });

  it("answers bad input and unknown apps with problem+json", async () => {
    const missing = await call("/api/v1/knowledge/search?app=acme", { key: ownerA });
    expect(missing.status).toBe(400);
    expect((await missing.json()).detail).toContain("q");
    expect((await search(ownerA, "x", "nope")).status).toBe(404);
    expect((await post(ownerA, { app: "acme", url: "ftp://example.com" })).status).toBe(400);
    expect((await call("/api/v1/knowledge/sources", { key: ownerA, method: "POST" })).status).toBe(400);
    expect((await call("/api/v1/knowledge/search?app=acme&q=x")).status).toBe(401);
    const doc = await (await call("/openapi.json")).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/knowledge/sources",
        "/api/v1/knowledge/sources/{id}/resync",
        "/api/v1/knowledge/search",
      ]),
    );
  });
});
