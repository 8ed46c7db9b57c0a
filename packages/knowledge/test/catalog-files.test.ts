import { describe, expect, it } from "vitest";
import { readCatalogTable, UnsupportedContentError } from "../src/index.js";
import { makeXlsx } from "./xlsx-fixture.js";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("catalogue files", () => {
  it("reads a CSV with quoted cells and a byte-order mark", async () => {
    const table = await readCatalogTable(
      "produits.csv",
      bytes('\uFEFFsku,title,price\nRIZ-25,"Riz makalioka, 25 kg",95000\nSUC-1,Sucre,4500\n'),
    );
    expect(table).toEqual({
      header: ["sku", "title", "price"],
      rows: [
        ["RIZ-25", "Riz makalioka, 25 kg", "95000"],
        ["SUC-1", "Sucre", "4500"],
      ],
    });
  });

  it("reads a CSV saved by a French spreadsheet, with semicolons, and pads short rows", async () => {
    const table = await readCatalogTable("produits.csv", bytes("sku;titre;prix;stock\nRIZ-25;Riz 25 kg;95 000\n"));
    expect(table.header).toEqual(["sku", "titre", "prix", "stock"]);
    expect(table.rows).toEqual([["RIZ-25", "Riz 25 kg", "95 000", ""]]);
  });

  it("reads the first sheet of an XLSX workbook", async () => {
    const xlsx = await makeXlsx([
      ["sku", "title", "price"],
      ["RIZ-25", "Riz makalioka 25 kg", 95000],
      ["HUI-5", "Huile 5 L", 42500],
    ]);
    const table = await readCatalogTable("Catalogue.XLSX", xlsx);
    expect(table.rows).toEqual([
      ["RIZ-25", "Riz makalioka 25 kg", "95000"],
      ["HUI-5", "Huile 5 L", "42500"],
    ]);
  });

  it("refuses files over the size or row limit before reading them", async () => {
    await expect(readCatalogTable("big.csv", new Uint8Array(51 * 1024 * 1024))).rejects.toThrow(
      "big.csv is 53477376 bytes; the limit is 5242880 bytes (split the catalogue into several files)",
    );
    await expect(readCatalogTable("rows.csv", bytes("sku\na\nb\nc\n"), { maxRows: 2 })).rejects.toThrow(
      "rows.csv has 3 rows; the limit is 2",
    );
  });

  it("refuses what is not a table, naming the file", async () => {
    await expect(readCatalogTable("x.pdf", bytes("%PDF"))).rejects.toThrow(UnsupportedContentError);
    await expect(readCatalogTable("x.xlsx", bytes("not a zip"))).rejects.toThrow(
      "x.xlsx: not a readable XLSX workbook",
    );
    await expect(readCatalogTable("x.csv", bytes('sku,title\n"unclosed,quote\n'))).rejects.toThrow(
      /x\.csv: not a readable CSV/,
    );
    await expect(readCatalogTable("empty.csv", bytes(""))).rejects.toThrow("empty.csv has no header row");
    await expect(readCatalogTable("bin.csv", new Uint8Array([1, 0, 2]))).rejects.toThrow("bin.csv is not a text file");
  });
});
