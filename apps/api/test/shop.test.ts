import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeyFor, dialects, jsonCall, openTestProduct, type TestProduct } from "./harness.js";

const CATALOGUE = "sku,title,price\nRIZ-MAK-25,Riz makalioka 25 kg,95000\n";
// A 1×1 PNG: printed on the quote's PDF.
const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
// The PNG signature alone: looks like a PNG, cannot be decoded.
const BROKEN_PNG = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex").toString("base64");

for (const dialect of dialects) {
  describe.skipIf(Boolean(dialect.skipReason))(`shop settings on ${dialect.name}`, () => {
    let p: TestProduct;
    let agentKey: string;
    beforeAll(async () => {
      p = await openTestProduct(dialect.env, "Epicerie");
      agentKey = await apiKeyFor(p.runtime, p.orgId, "agent", "agent");
      const form = new FormData();
      form.set("file", new File([CATALOGUE], "produits.csv"));
      await p.api.request(`/api/v1/apps/${p.appId}/products/import`, {
        method: "POST",
        headers: { authorization: `Bearer ${p.ownerKey}` },
        body: form,
      });
    });
    afterAll(async () => p.runtime.database.close());

    const path = () => `/api/v1/apps/${p.appId}/shop`;

    it("starts from defaults, changes what an admin gives, and refuses what is not valid", async () => {
      expect(await (await jsonCall(p, path(), { key: agentKey })).json()).toEqual({
        taxRateBp: 0,
        pricesIncludeTax: true,
        delivery: [],
        quoteValidityDays: 15,
        paymentInstructions: [],
        logoPng: null,
        approvalThresholdMinor: null,
        ownerNotification: null,
      });
      const byAgent = await jsonCall(p, path(), { method: "PATCH", key: agentKey, body: { taxRateBp: 2000 } });
      expect(byAgent.status).toBe(403);
      for (const [body, field] of [
        [{ taxRateBp: 20_000 }, "taxRateBp"],
        [{ ownerNotification: { via: "whatsapp", phone: "call me" } }, "phone"],
        [{ ownerNotification: { via: "sms", phone: "+261340000000" } }, "ownerNotification"],
        [{ logoPng: Buffer.from("GIF89a").toString("base64") }, "logoPng"],
        [{ logoPng: BROKEN_PNG }, "logoPng"],
        [{ paymentInstructions: [{ method: "bitcoin", details: "x" }] }, "method"],
        [{ colour: "red" }, "colour"],
      ] as const) {
        const res = await jsonCall(p, path(), { method: "PATCH", body });
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.headers.get("content-type")).toContain("application/problem+json");
        expect(JSON.stringify(await res.json())).toContain(field);
      }
      const changed = await jsonCall(p, path(), {
        method: "PATCH",
        body: {
          taxRateBp: 2000,
          pricesIncludeTax: false,
          quoteValidityDays: 30,
          logoPng: PNG,
          paymentInstructions: [{ method: "orange_money", details: "032 00 000 00" }],
        },
      });
      expect(changed.status).toBe(200);
      expect(await changed.json()).toMatchObject({ taxRateBp: 2000, pricesIncludeTax: false, logoPng: PNG });
    });

    it("gives a quote made by hand the shop's terms when the request leaves them out", async () => {
      const res = await jsonCall(p, "/api/v1/quotes", {
        method: "POST",
        key: agentKey,
        body: { app: p.appId, customer: { name: "Rasoa" }, lines: [{ sku: "RIZ-MAK-25", quantity: 2 }] },
      });
      expect(res.status).toBe(201);
      const quote = await res.json();
      // 190 000 HT + 20 % = 228 000 Ar; valid 30 days.
      expect(quote).toMatchObject({ subtotalMinor: 190000, taxMinor: 38000, totalMinor: 228000, status: "draft" });
      const days = (Date.parse(quote.validUntil) - Date.parse(quote.createdAt)) / 86_400_000;
      expect(Math.round(days)).toBe(30);
      const pdf = await p.api.request(`/api/v1/quotes/${quote.id}/pdf`, {
        headers: { authorization: `Bearer ${agentKey}` },
      });
      expect(pdf.status).toBe(200);
      expect(Buffer.from(await pdf.arrayBuffer()).toString("latin1")).toContain("/Subtype /Image");
      const noConversation = await jsonCall(p, `/api/v1/quotes/${quote.id}/send`, {
        method: "POST",
        key: agentKey,
        body: {},
      });
      expect(noConversation.status).toBe(400);
      expect((await noConversation.json()).detail).toContain("belongs to no conversation");
    });

    it("documents the shop, lead and quote-sending routes in /openapi.json", async () => {
      const doc = await (await p.api.request("/openapi.json")).json();
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          "/api/v1/apps/{app}/shop",
          "/api/v1/leads",
          "/api/v1/leads/export",
          "/api/v1/leads/{id}",
          "/api/v1/quotes/{id}/send",
        ]),
      );
      expect(doc.components.schemas.ShopSettings.properties.approvalThresholdMinor).toBeDefined();
    });

    it("answers the shop's metrics over a period, refusing a reversed or too long one", async () => {
      const res = await jsonCall(p, `${path()}/metrics`, { key: agentKey });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
        automaticAnswerRate: { rate: null, count: 0, of: 0 },
        leadToQuote: { count: 0, of: 0 },
        firstAnswerMs: null,
      });
      const reversed = `${path()}/metrics?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z`;
      expect((await jsonCall(p, reversed, { key: agentKey })).status).toBe(400);
      const long = `${path()}/metrics?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z`;
      expect((await jsonCall(p, long, { key: agentKey })).status).toBe(400);
    });
  });
}
