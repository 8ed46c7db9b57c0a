import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeyFor, dialects, jsonCall, openTestProduct, type TestProduct } from "./harness.js";

const CATALOGUE = [
  "sku;titre;prix;stock;synonymes",
  "RIZ-MAK-25;Riz makalioka 25 kg;95 000;40;vary makalioka",
  "SUC-1;Sucre blanc 1 kg;4500;;siramamy",
].join("\n");

for (const dialect of dialects) {
  describe.skipIf(Boolean(dialect.skipReason))(`catalogue API on ${dialect.name}`, () => {
    let p: TestProduct;
    let agentKey: string;
    beforeAll(async () => {
      p = await openTestProduct(dialect.env, "Epicerie");
      agentKey = await apiKeyFor(p.runtime, p.orgId, "agent", "agent");
    });
    afterAll(async () => p.runtime.database.close());

    const upload = (text: string, fields: Record<string, string> = {}, key = p.ownerKey) => {
      const form = new FormData();
      form.set("file", new File([text], "produits.csv"));
      for (const [k, v] of Object.entries(fields)) form.set(k, v);
      return p.api.request(`/api/v1/apps/${p.appId}/products/import`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}` },
        body: form,
      });
    };

    it("imports a CSV upload, previews first, and finds products as customers name them", async () => {
      const preview = await upload(CATALOGUE, { dryRun: "true" });
      expect(preview.status).toBe(200);
      expect(await preview.json()).toMatchObject({ applied: false, dryRun: true, counts: { created: 2 } });

      const res = await upload(CATALOGUE);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ applied: true, counts: { created: 2, rejected: 0 } });

      const found = await jsonCall(p, `/api/v1/apps/${p.appId}/products?q=${encodeURIComponent("vary makalioka")}`, {
        key: agentKey,
      });
      expect(found.status).toBe(200);
      const body = await found.json();
      expect(body.data[0]).toMatchObject({ sku: "RIZ-MAK-25", priceMinor: 95000, priceText: "95 000 Ar" });
    });

    it("answers a precise report for a broken file and writes nothing", async () => {
      const res = await upload("sku,title,price\nSEL,Sel,abc\n");
      expect(res.status).toBe(200);
      const report = await res.json();
      expect(report).toMatchObject({ applied: false, counts: { rejected: 1 } });
      expect(report.rows[0]).toEqual({
        line: 2,
        sku: "SEL",
        status: "rejected",
        reason: 'price "abc" is not a number',
      });
      const all = await (await jsonCall(p, `/api/v1/apps/${p.appId}/products`)).json();
      expect(all.data.map((x: { sku: string }) => x.sku)).toEqual(["RIZ-MAK-25", "SUC-1"]);

      const badMapping = await upload(CATALOGUE, { mapping: "{not json" });
      expect(badMapping.status).toBe(400);
      expect((await badMapping.json()).detail).toBe("mapping: not valid JSON");
      const agent = await upload(CATALOGUE, {}, agentKey);
      expect(agent.status).toBe(403);
    });

    it("creates, edits and deletes one product with validated input", async () => {
      const path = `/api/v1/apps/${p.appId}/products`;
      const created = await jsonCall(p, path, {
        method: "POST",
        body: { sku: "HUI-5", title: "Huile 5 L", priceMinor: 42500 },
      });
      expect(created.status).toBe(201);
      const oil = await created.json();
      const invalid = await jsonCall(p, path, { method: "POST", body: { sku: "X", title: "X", priceMinor: -1 } });
      expect(invalid.status).toBe(400);
      expect(invalid.headers.get("content-type")).toBe("application/problem+json");
      const taken = await jsonCall(p, path, { method: "POST", body: { sku: "HUI-5", title: "X", priceMinor: 1 } });
      expect(taken.status).toBe(409);
      const patched = await jsonCall(p, `${path}/${oil.id}`, { method: "PATCH", body: { stock: 3 } });
      expect(await patched.json()).toMatchObject({ stock: 3, priceMinor: 42500 });
      expect((await jsonCall(p, `${path}/${oil.id}`, { method: "DELETE" })).status).toBe(204);
      expect((await jsonCall(p, `${path}/${oil.id}`)).status).toBe(404);
    });
  });
}
