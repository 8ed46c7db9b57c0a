import { describe, expect, it } from "vitest";
import { indexProducts, productTokens, searchProducts } from "../src/index.js";

const catalogue = [
  { id: "p1", sku: "RIZ-MAK-25", title: "Riz makalioka 25 kg", titles: { mg: "Vary makalioka 25 kg" }, synonyms: [] },
  { id: "p2", sku: "RIZ-MAK-50", title: "Riz makalioka 50 kg", synonyms: [] },
  { id: "p3", sku: "RIZ-ROS-25", title: "Riz rose 25 kg", synonyms: ["vary mena"] },
  { id: "p4", sku: "SUC-1", title: "Sucre blanc 1 kg", synonyms: [] },
  { id: "p5", sku: "HUI-5", title: "Huile végétale 5 L", synonyms: ["bidon d'huile"] },
  { id: "p6", sku: "SAV-1", title: "Savon de Marseille", synonyms: ["savony"] },
];
const index = indexProducts(catalogue);
const skus = (query: string) => searchProducts(index, query).map((m) => m.product.sku);

describe("product search", () => {
  it("glues units to their number however they are written", () => {
    expect(productTokens("Sac de riz 25kg")).toEqual(["sac", "riz", "25kg"]);
    expect(productTokens("sac de riz 25 kg")).toEqual(["sac", "riz", "25kg"]);
    expect(productTokens("25 kilos de riz")).toEqual(["25kg", "riz"]);
    expect(productTokens("Huile 1,5 litres")).toEqual(["huile", "1.5l"]);
  });

  it("finds the exact product from a French question with its size", () => {
    expect(skus("Bonjour, quel est le prix du sac de riz 25 kg ? J'en voudrais 3")[0]).toBe("RIZ-MAK-25");
    expect(skus("sac de riz 25kg")[0]).toBe("RIZ-MAK-25");
    expect(skus("riz makalioka")).toEqual(expect.arrayContaining(["RIZ-MAK-25", "RIZ-MAK-50"]));
    expect(skus("riz makalioka 50kg")[0]).toBe("RIZ-MAK-50");
  });

  it("finds products by their Malagasy name, the shop's synonyms and the built-in lexicon", () => {
    expect(skus("Ohatrinona ny vary makalioka 25 kg?")[0]).toBe("RIZ-MAK-25");
    expect(skus("vary mena")[0]).toBe("RIZ-ROS-25");
    expect(skus("vary")).toEqual(expect.arrayContaining(["RIZ-MAK-25", "RIZ-ROS-25"]));
    expect(skus("siramamy")[0]).toBe("SUC-1");
    expect(skus("un bidon d'huile")[0]).toBe("HUI-5");
  });

  it("ignores accents and one-letter typos", () => {
    expect(skus("huile vegetale")[0]).toBe("HUI-5");
    expect(skus("HUILE VÉGÉTALE")[0]).toBe("HUI-5");
    expect(skus("makalyoka")).toEqual(expect.arrayContaining(["RIZ-MAK-25"]));
    expect(skus("suvre blanc")[0]).toBe("SUC-1");
  });

  it("never answers a sugar question with rice, nor a size alone with anything", () => {
    expect(skus("prix du sucre")).toEqual(["SUC-1"]);
    expect(skus("25 kg")).toEqual([]);
    expect(skus("ciment 50 kg")).toEqual([]);
    expect(skus("")).toEqual([]);
  });

  it("reads only the start of a huge message", () => {
    const huge = `${"a".repeat(200_000)} riz makalioka`;
    expect(skus(huge)).toEqual([]);
    expect(skus(`riz makalioka ${"zz ".repeat(100_000)}`)).toEqual(expect.arrayContaining(["RIZ-MAK-25"]));
  });
});
