import { describe, expect, it } from "vitest";
import { mapHeaders, readProductRows } from "../src/index.js";

const read = (header: string[], rows: string[][], overrides?: Record<string, string>) => {
  const mapping = mapHeaders(header, overrides);
  return { errors: mapping.errors, rows: readProductRows(rows, mapping, "MGA") };
};

describe("catalogue rows", () => {
  it("recognises French, Malagasy and English headers, and titles per language", () => {
    const { errors, rows } = read(
      ["Référence", "Désignation", "Titre MG", "Prix", "Stock", "Catégorie", "Synonymes", "Image"],
      [["RIZ-25", "Riz makalioka 25 kg", "Vary makalioka 25 kg", "95 000", "12", "Épicerie", "vary | riz blanc", ""]],
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        sku: "RIZ-25",
        values: {
          sku: "RIZ-25",
          title: "Riz makalioka 25 kg",
          titles: { mg: "Vary makalioka 25 kg" },
          description: null,
          priceMinor: 95000,
          currency: "MGA",
          stock: 12,
          imageUrl: null,
          category: "Épicerie",
          active: true,
          synonyms: ["vary", "riz blanc"],
        },
      },
    ]);
  });

  it("takes the shop's mapping for headers it does not know", () => {
    const { errors, rows } = read(["code", "libellé", "Prix TTC", "devise"], [["HUI", "Huile", "12,50", "eur"]], {
      "Prix TTC": "price",
    });
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ values: { priceMinor: 1250, currency: "EUR" } });
    expect(mapHeaders(["sku", "title", "x"], { x: "weight" }).errors).toEqual([
      'mapping for "x": unknown field "weight" (fields: sku, title, description, price, currency, stock, image, category, active, synonyms)',
      "no price column (accepted headers: price, prix, prix unitaire, pu, tarif, vidiny, unit price)",
    ]);
  });

  it("names the missing required column and refuses two columns for one field", () => {
    expect(mapHeaders(["sku", "title", "description", "currency", "stock", "image"]).errors).toEqual([
      "no price column (accepted headers: price, prix, prix unitaire, pu, tarif, vidiny, unit price)",
    ]);
    expect(mapHeaders(["sku", "nom", "titre", "prix"]).errors).toEqual(['columns "nom" and "titre" both hold title']);
  });

  it("gives each bad row its reason and rejects a repeated sku", () => {
    const { rows } = read(
      ["sku", "title", "price", "stock", "currency", "image", "active"],
      [
        ["A", "Riz", "abc", "", "", "", ""],
        ["B", "Sucre", "4500", "-2", "", "", ""],
        ["C", "Sel", "800", "", "XYZ", "", ""],
        ["D", "Huile", "12000", "", "", "ftp://x", ""],
        ["E", "Savon", "1500", "", "", "", "peut-être"],
        ["F", "", "1500", "", "", "", ""],
        ["G", "Farine", "3000", "5", "", "", "non"],
        ["G", "Farine bis", "3100", "5", "", "", ""],
      ],
    );
    expect(rows.map((r) => ("error" in r ? `${r.line} ${r.sku}: ${r.error}` : `${r.line} ${r.sku} ok`))).toEqual([
      '2 A: price "abc" is not a number',
      '3 B: stock "-2" is not a whole number',
      '4 C: currency "XYZ" is not an ISO 4217 code',
      "5 D: image must be an http(s) URL",
      '6 E: active "peut-être" is not yes or no',
      "7 F: title must be 1 to 200 characters",
      "8 G ok",
      "9 G: sku G repeats line 8",
    ]);
    expect(rows[6]).toMatchObject({ values: { active: false, stock: 5 } });
  });
});
