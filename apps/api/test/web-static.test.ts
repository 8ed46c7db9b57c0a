import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig, openProduct, type Product } from "@support/product";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApi } from "../src/app.js";

describe("serving the built dashboard", () => {
  let runtime: Product;
  let api: ReturnType<typeof createApi>;
  beforeAll(async () => {
    const dist = mkdtempSync(join(tmpdir(), "support-web-dist-"));
    mkdirSync(join(dist, "assets"));
    writeFileSync(join(dist, "index.html"), "<!doctype html><title>Support</title><div id=root></div>");
    writeFileSync(join(dist, "assets", "app-1234.js"), "console.log('hi')");
    runtime = await openProduct(loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), "support-web-")) }));
    api = createApi(runtime, pino({ level: "silent" }), { webDist: dist });
  });
  afterAll(async () => runtime.database.close());

  it("serves index.html at / and for client-side routes (SPA fallback)", async () => {
    for (const path of ["/", "/queue", "/apps/acme/channels"]) {
      const res = await api.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/text\/html/);
      expect(await res.text()).toContain("<title>Support</title>");
    }
  });

  it("serves assets with their type and a long cache; a missing asset is a 404", async () => {
    const res = await api.request("/assets/app-1234.js");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/javascript/);
    expect(res.headers.get("cache-control")).toContain("immutable");
    expect((await api.request("/assets/missing.js")).status).toBe(404);
  });

  it("never answers for API paths or escapes the dist folder", async () => {
    for (const path of ["/api/v1/nope", "/webhooks/x", "/slack/events", "/support/x/y"]) {
      const res = await api.request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type"), path).toMatch(/problem\+json/);
    }
    const outside = await api.request("/..%2f..%2fetc%2fpasswd");
    expect(await outside.text()).not.toContain("root:");
  });
});
