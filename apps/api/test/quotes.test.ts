import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeyFor, dialects, jsonCall, openTestProduct, type TestProduct } from "./harness.js";

const CATALOGUE = "sku,title,price,stock\nRIZ-MAK-25,Riz makalioka 25 kg,95000,40\nHUI-5,Huile végétale 5 L,42500,3\n";

for (const dialect of dialects) {
  describe.skipIf(Boolean(dialect.skipReason))(`quotes API on ${dialect.name}`, () => {
    let p: TestProduct;
    let agentKey: string;
    beforeAll(async () => {
      p = await openTestProduct(dialect.env, "Epicerie");
      agentKey = await apiKeyFor(p.runtime, p.orgId, "agent", "agent");
      const form = new FormData();
      form.set("file", new File([CATALOGUE], "produits.csv"));
      const res = await p.api.request(`/api/v1/apps/${p.appId}/products/import`, {
        method: "POST",
        headers: { authorization: `Bearer ${p.ownerKey}` },
        body: form,
      });
      expect((await res.json()).applied).toBe(true);
    });
    afterAll(async () => p.runtime.database.close());

    const quote = (body: object, key = agentKey) => jsonCall(p, "/api/v1/quotes", { method: "POST", key, body });

    it("numbers quotes per shop and totals them to the ariary from catalogue prices", async () => {
      const res = await quote({
        app: p.appId,
        customer: { name: "Rasoa", phone: "+261340000000" },
        lines: [
          { sku: "RIZ-MAK-25", quantity: 3 },
          { sku: "HUI-5", quantity: 2 },
        ],
        taxRateBp: 2000,
        pricesIncludeTax: false,
        delivery: [{ fromSubtotalMinor: 0, feeMinor: 5000 }],
        paymentInstructions: ["MVola : 034 00 000 00"],
      });
      expect(res.status).toBe(201);
      const first = await res.json();
      expect(first).toMatchObject({
        number: "D-0001",
        subtotalMinor: 370000,
        taxMinor: 74000,
        deliveryMinor: 5000,
        totalMinor: 449000,
        totalText: "449 000 Ar",
        status: "draft",
      });
      const second = await (
        await quote({ app: p.appId, customer: { name: "Be" }, lines: [{ sku: "HUI-5", quantity: 1 }] })
      ).json();
      expect(second.number).toBe("D-0002");

      const pdf = await p.api.request(`/api/v1/quotes/${first.id}/pdf`, {
        headers: { authorization: `Bearer ${agentKey}` },
      });
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get("content-type")).toBe("application/pdf");
      expect(pdf.headers.get("content-disposition")).toBe('attachment; filename="D-0001.pdf"');
      const bytes = Buffer.from(await pdf.arrayBuffer());
      expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
      const again = Buffer.from(
        await (
          await p.api.request(`/api/v1/quotes/${first.id}/pdf`, { headers: { authorization: `Bearer ${agentKey}` } })
        ).arrayBuffer(),
      );
      expect(again.equals(bytes)).toBe(true);

      const listed = await (await jsonCall(p, `/api/v1/quotes?app=${p.appId}`, { key: agentKey })).json();
      expect(listed.data.map((q: { number: string }) => q.number).slice(0, 2)).toEqual(["D-0002", "D-0001"]);
      const neither = await jsonCall(p, "/api/v1/quotes", { key: agentKey });
      expect(neither.status).toBe(400);
      expect((await jsonCall(p, "/api/v1/quotes?app=app_missing", { key: agentKey })).status).toBe(404);
    });

    it("refuses products outside the catalogue, a price in the request, and unknown conversations", async () => {
      const unknown = await quote({ app: p.appId, customer: { name: "X" }, lines: [{ sku: "SUCRE", quantity: 1 }] });
      expect(unknown.status).toBe(400);
      expect((await unknown.json()).detail).toBe("not in the catalogue: SUCRE");
      const priced = await quote({
        app: p.appId,
        customer: { name: "X" },
        lines: [{ sku: "HUI-5", quantity: 1, unitMinor: 1 }],
      });
      expect(priced.status).toBe(400);
      const conv = await quote({
        app: p.appId,
        conversation: "cnv_missing",
        customer: { name: "X" },
        lines: [{ sku: "HUI-5", quantity: 1 }],
      });
      expect(conv.status).toBe(404);
      const list = await jsonCall(p, "/api/v1/quotes?conversation=cnv_missing", { key: agentKey });
      expect(await list.json()).toEqual({ data: [] });
      expect((await jsonCall(p, "/api/v1/quotes/quo_missing/pdf", { key: agentKey })).status).toBe(404);
    });
  });
}
