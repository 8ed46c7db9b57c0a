import { type Database, listAudit } from "@support/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importCatalogue } from "../../src/commerce/import.js";
import { createProduct, deleteProduct, listProductViews, updateProduct } from "../../src/commerce/products.js";
import type { ServiceContext } from "../../src/service/context.js";
import { registerApp } from "../../src/tenancy/apps.js";
import { tenant } from "../analytics/seed.js";
import { dialects } from "../dialects.js";
import { testContext, testPlatform } from "../harness.js";

const csv = (text: string) => ({ name: "produits.csv", bytes: new TextEncoder().encode(text) });
const CATALOGUE = [
  "sku,title,description,price,currency,stock,image",
  "RIZ-MAK-25,Riz makalioka 25 kg,Sac de riz local,95000,MGA,40,https://shop.example/riz.jpg",
  "RIZ-MAK-50,Riz makalioka 50 kg,,185000,MGA,3,",
  "SUC-1,Sucre blanc 1 kg,,4500,MGA,,",
].join("\n");

for (const dialect of dialects) {
  describe.skipIf(Boolean(dialect.skipReason))(`the catalogue on ${dialect.name}`, () => {
    let database: Database;
    let admin: ServiceContext;
    let agent: ServiceContext;
    let orgId: string;
    const skus = async (q?: string) => (await listProductViews(agent, "epicerie", { q })).data.map((p) => p.sku);

    beforeAll(async () => {
      database = await dialect.open();
      ({ orgId } = await tenant(database.db, "Shop"));
      const platform = testPlatform(database);
      admin = testContext(platform, orgId, "admin");
      agent = testContext(platform, orgId, "agent");
      await registerApp(admin, { name: "Epicerie" });
    });
    afterAll(async () => database?.close());

    it("previews an import without writing, then imports it with prices intact", async () => {
      const preview = await importCatalogue(admin, "epicerie", { ...csv(CATALOGUE), dryRun: true });
      expect(preview).toMatchObject({ applied: false, dryRun: true, counts: { created: 3, rejected: 0 } });
      expect(await skus()).toEqual([]);

      const report = await importCatalogue(admin, "epicerie", csv(CATALOGUE));
      expect(report).toMatchObject({ applied: true, errors: [], counts: { created: 3, updated: 0, unchanged: 0 } });
      const [rice] = (await listProductViews(agent, "epicerie", { q: "sac de riz 25kg" })).data;
      expect(rice).toMatchObject({
        sku: "RIZ-MAK-25",
        priceMinor: 95000,
        currency: "MGA",
        priceText: "95 000 Ar",
        stock: 40,
      });
      expect(rice?.imageUrl).toBe("https://shop.example/riz.jpg");
      const audit = await listAudit(database.db, orgId, { limit: 10 });
      expect(audit.data.map((a) => a.action)).toContain("catalogue.imported");
    });

    it("re-imports idempotently by sku: unchanged rows stay, changed ones update", async () => {
      expect((await importCatalogue(admin, "epicerie", csv(CATALOGUE))).counts).toEqual({
        created: 0,
        updated: 0,
        unchanged: 3,
        rejected: 0,
      });
      const changed = CATALOGUE.replace("4500,MGA", "4800,MGA");
      const report = await importCatalogue(admin, "epicerie", csv(changed));
      expect(report.rows.find((r) => r.sku === "SUC-1")).toEqual({ line: 4, sku: "SUC-1", status: "updated" });
      expect((await listProductViews(agent, "epicerie", { q: "sucre" })).data[0]?.priceMinor).toBe(4800);
    });

    it("changes nothing on a broken file and says why, line by line", async () => {
      const before = (await listProductViews(agent, "epicerie")).data;
      const noPrice = await importCatalogue(admin, "epicerie", csv("sku,title,stock\nX,Sel,3\n"));
      expect(noPrice).toMatchObject({ applied: false, errors: [expect.stringMatching(/^no price column/)] });

      const bad = await importCatalogue(
        admin,
        "epicerie",
        csv("sku,title,price\nSEL-1,Sel fin,800\nRIZ-MAK-25,Riz,quatre-vingt\nSEL-1,Sel,900\n"),
      );
      expect(bad.applied).toBe(false);
      expect(bad.rows).toEqual([
        { line: 2, sku: "SEL-1", status: "created" },
        { line: 3, sku: "RIZ-MAK-25", status: "rejected", reason: 'price "quatre-vingt" is not a number' },
        { line: 4, sku: "SEL-1", status: "rejected", reason: "sku SEL-1 repeats line 2" },
      ]);
      expect(bad.errors).toEqual(["2 row(s) rejected: nothing was imported"]);

      const huge = await importCatalogue(admin, "epicerie", {
        name: "big.csv",
        bytes: new Uint8Array(50 * 1024 * 1024),
      });
      expect(huge.errors).toEqual([
        "big.csv is 52428800 bytes; the limit is 5242880 bytes (split the catalogue into several files)",
      ]);
      expect((await listProductViews(agent, "epicerie")).data).toEqual(before);
    });

    it("keeps the catalogue to admins and to the organization's own app", async () => {
      await expect(importCatalogue(agent, "epicerie", csv(CATALOGUE))).rejects.toMatchObject({ code: "forbidden" });
      const other = testContext(testPlatform(database), (await tenant(database.db, "Other")).orgId, "owner");
      await expect(listProductViews(other, "epicerie")).rejects.toMatchObject({ code: "not_found" });
    });

    it("creates, edits and deletes one product, refusing a taken sku and a bad price", async () => {
      const oil = await createProduct(admin, "epicerie", {
        sku: "HUI-5",
        title: "Huile 5 L",
        priceMinor: 42500,
        synonyms: ["menaka"],
      });
      expect(oil).toMatchObject({ currency: "MGA", active: true, stock: null, priceText: "42 500 Ar" });
      await expect(createProduct(admin, "epicerie", { sku: "HUI-5", title: "x", priceMinor: 1 })).rejects.toMatchObject(
        {
          code: "conflict",
        },
      );
      await expect(
        createProduct(admin, "epicerie", { sku: "EUR", title: "x", priceMinor: 1, currency: "XYZ" }),
      ).rejects.toMatchObject({ code: "invalid_input", message: 'currency "XYZ" is not an ISO 4217 code' });
      expect(await skus("menaka")).toEqual(["HUI-5"]);
      const edited = await updateProduct(admin, "epicerie", oil.id, { stock: 7, title: "Huile végétale 5 L" });
      expect(edited).toMatchObject({ stock: 7, title: "Huile végétale 5 L", priceMinor: 42500 });
      await expect(updateProduct(admin, "epicerie", oil.id, { sku: "SUC-1" })).rejects.toMatchObject({
        code: "conflict",
      });
      await deleteProduct(admin, "epicerie", oil.id);
      expect(await skus("huile")).toEqual([]);
    });
  });
}
