import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { catalogueIndex, renderQuotePdf } from "@support/core";
import { createApp, createOrganization, insertProduct, openDatabase } from "@support/db";
import { indexProducts, mapHeaders, quoteFigures, readProductRows, searchProducts } from "@support/decisions";
import { readCatalogTable } from "@support/knowledge";

/**
 * bench/commerce: a synthetic grocery catalogue of N products (French titles, Malagasy titles
 * and synonyms on some), read from CSV, checked, indexed, then searched with customer-style
 * questions (sizes, Malagasy words, typos). Prints the import-parse time, the index time and the
 * search latency p50/p95/max, then the time to render a quote PDF. Last, the same catalogue in
 * an embedded SQLite database: what a customer message pays to get the app's search index, once
 * built (the cached index, checked current by one aggregate query) and after a price change.
 *   pnpm --filter @support/bench-commerce bench [--products 10000] [--queries 2000]
 */
const { values } = parseArgs({
  options: { products: { type: "string", default: "10000" }, queries: { type: "string", default: "2000" } },
});
const count = Number(values.products);

const goods = [
  "Riz makalioka",
  "Riz rose",
  "Sucre blanc",
  "Huile végétale",
  "Farine de blé",
  "Savon",
  "Sel fin",
  "Lait",
];
const malagasy = ["Vary makalioka", "Vary mena", "Siramamy fotsy", "Menaka", "Lafarinina", "Savony", "Sira", "Ronono"];
const brands = ["Star", "Tiko", "Socolait", "Dzama", "Kobama", "Lalasoa", "Fanoitra", "Mahery", "Soa", "Tsara"];
const sizes = ["1 kg", "5 kg", "25 kg", "50 kg", "1 L", "5 L", "500 g"];

const lines = ["sku,title,title_mg,price,stock,synonyms"];
for (let i = 0; i < count; i++) {
  const g = i % goods.length;
  const title = `${goods[g]} ${brands[Math.floor(i / goods.length) % brands.length]} ${sizes[i % sizes.length]} n${i}`;
  const mg = i % 3 === 0 ? `${malagasy[g]} ${sizes[i % sizes.length]}` : "";
  lines.push(`SKU-${i},${title},${mg},${1000 + (i % 997) * 100},${i % 50},${i % 5 === 0 ? "promo" : ""}`);
}
const csv = new TextEncoder().encode(lines.join("\n"));

let t = performance.now();
const table = await readCatalogTable("bench.csv", csv);
const mapping = mapHeaders(table.header);
const rows = readProductRows(table.rows, mapping, "MGA");
const parseMs = performance.now() - t;
const products = rows.flatMap((r, i) =>
  "values" in r
    ? [{ id: `p${i}`, sku: r.values.sku, title: r.values.title, titles: r.values.titles, synonyms: r.values.synonyms }]
    : [],
);

t = performance.now();
const index = indexProducts(products);
const indexMs = performance.now() - t;

const questions = [
  "Bonjour, quel est le prix du sac de riz 25 kg ? J'en voudrais 3",
  "ohatrinona ny vary makalioka 50 kg",
  "huile vegetale 5L tiko",
  "sucre blnc 1 kg",
  "savony",
  "farine de ble 25kg kobama",
  "lait socolait 1 L",
  "ciment 50 kg",
];
const latencies: number[] = [];
let found = 0;
for (let i = 0; i < Number(values.queries); i++) {
  const q = questions[i % questions.length] as string;
  t = performance.now();
  found += searchProducts(index, q).length > 0 ? 1 : 0;
  latencies.push(performance.now() - t);
}
latencies.sort((a, b) => a - b);
const at = (p: number) => (latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0).toFixed(2);
console.log(`catalogue: ${products.length} products (${(csv.byteLength / 1024).toFixed(0)} KiB CSV)`);
console.log(`read + check CSV: ${parseMs.toFixed(0)} ms; index: ${indexMs.toFixed(0)} ms`);
console.log(
  `search: ${latencies.length} queries, p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms; ${found} with a match`,
);

const quoteLines = products
  .slice(0, 12)
  .map((p, i) => ({ sku: p.sku, title: p.title, quantity: 1 + (i % 4), unitMinor: 95000 }));
const renders: number[] = [];
for (let i = 0; i < 50; i++) {
  t = performance.now();
  await renderQuotePdf({
    shop: { name: "Épicerie Analakely" },
    number: `D-${i}`,
    issuedAt: new Date("2026-12-03T10:00:00Z"),
    validUntil: new Date("2026-12-17T10:00:00Z"),
    customer: { name: "Rasoa" },
    currency: "MGA",
    figures: quoteFigures(quoteLines, { taxRateBp: 2000, pricesIncludeTax: false, delivery: [] }),
    taxRateBp: 2000,
    pricesIncludeTax: false,
    paymentInstructions: ["MVola : 034 00 000 00"],
    language: "fr",
  });
  renders.push(performance.now() - t);
}
renders.sort((a, b) => a - b);
console.log(
  `quote PDF (12 lines): ${renders.length} renders, p50 ${(renders[25] ?? 0).toFixed(1)} ms, max ${(renders[49] ?? 0).toFixed(1)} ms`,
);

// The per-message path: the app's index from the database, cached until the catalogue changes.
const dataDir = mkdtempSync(join(tmpdir(), "bench-commerce-"));
const database = await openDatabase({ dataDir });
await database.migrate();
const org = await createOrganization(database.db, { name: "Bench", slug: "bench" });
const app = await createApp(database.db, org.id, { slug: "epicerie", name: "Epicerie" });
t = performance.now();
await database.transaction(async (tx) => {
  for (const r of rows) {
    if (!("values" in r)) continue;
    await insertProduct(tx, org.id, app.id, { ...r.values });
  }
});
const insertMs = performance.now() - t;
t = performance.now();
await catalogueIndex(database.db, org.id, app.id);
const coldMs = performance.now() - t;
const warm: number[] = [];
for (let i = 0; i < 200; i++) {
  t = performance.now();
  await catalogueIndex(database.db, org.id, app.id);
  warm.push(performance.now() - t);
}
warm.sort((a, b) => a - b);
await database.q.update(database.t.products).set({ priceMinor: 96000, updatedAt: new Date() });
t = performance.now();
await catalogueIndex(database.db, org.id, app.id);
const afterChangeMs = performance.now() - t;
console.log(
  `index per message from SQLite (${products.length} products, inserted in ${insertMs.toFixed(0)} ms): first ${coldMs.toFixed(0)} ms, cached p50 ${(warm[100] ?? 0).toFixed(2)} ms max ${(warm[199] ?? 0).toFixed(2)} ms, after a price change ${afterChangeMs.toFixed(0)} ms`,
);
await database.close();
rmSync(dataDir, { recursive: true, force: true });
