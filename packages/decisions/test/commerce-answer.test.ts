import { describe, expect, it } from "vitest";
import { answerFromCatalogue, indexProducts } from "../src/index.js";

const product = (id: string, title: string, priceMinor: number, extra: object = {}) => ({
  id,
  sku: id,
  title,
  priceMinor,
  currency: "MGA",
  stock: null as number | null,
  active: true,
  synonyms: [] as string[],
  ...extra,
});
const index = indexProducts([
  product("RIZ25", "Riz makalioka 25 kg", 95000, { titles: { mg: "Vary makalioka 25 kg" }, stock: 40 }),
  product("RIZ50", "Riz makalioka 50 kg", 185000, { stock: 3 }),
  product("HUI5", "Huile végétale 5 L", 42500, { synonyms: ["bidon d'huile"], stock: 0 }),
  product("SAV", "Savon de Marseille", 1500, { active: false }),
]);

describe("answers from the catalogue", () => {
  it("gives the exact price and the total for the quantity asked after the question", () => {
    const answer = answerFromCatalogue(index, "Bonjour, quel est le prix du sac de riz 25 kg ? J'en voudrais 3", "fr");
    expect(answer).toMatchObject({ kind: "answer", totalMinor: 285000 });
    expect(answer.kind === "answer" && answer.text).toBe(
      "- Riz makalioka 25 kg : 95 000 Ar (3 × 95 000 Ar = 285 000 Ar)\nTotal : 285 000 Ar",
    );
  });

  it("totals two products with their quantities to the ariary, with stock notes", () => {
    const answer = answerFromCatalogue(index, "Je veux 2 sacs de riz makalioka 50 kg et 4 bidons d'huile", "fr");
    expect(answer).toMatchObject({ kind: "answer", totalMinor: 2 * 185000 + 4 * 42500 });
    expect(answer.kind === "answer" && answer.text).toBe(
      [
        "- Riz makalioka 50 kg : 185 000 Ar (2 × 185 000 Ar = 370 000 Ar) - plus que 3 en stock",
        "- Huile végétale 5 L : 42 500 Ar (4 × 42 500 Ar = 170 000 Ar) - en rupture de stock",
        "Total : 540 000 Ar",
      ].join("\n"),
    );
  });

  it("answers in Malagasy with the Malagasy title", () => {
    const answer = answerFromCatalogue(index, "Ohatrinona ny vary makalioka 25 kg?", "mg");
    expect(answer.kind === "answer" && answer.text).toBe("- Vary makalioka 25 kg : 95 000 Ar");
  });

  it("says an unknown product is unknown and never gives another product's price", () => {
    const answer = answerFromCatalogue(index, "Quel est le prix du sucre ?", "fr");
    expect(answer).toMatchObject({ kind: "unknown", suggestions: [] });
    expect(answer.kind === "unknown" && answer.text).toBe(
      "Nous n'avons pas trouvé « Quel est le prix du sucre ? » dans notre catalogue.",
    );
    expect(JSON.stringify(answer)).not.toContain("Ar");
    const close = answerFromCatalogue(index, "combien pour le riz basmati ?", "en");
    expect(close.kind).toBe("unknown");
    expect(close.kind === "unknown" && close.text).toContain(
      "Close matches: Riz makalioka 25 kg, Riz makalioka 50 kg.",
    );
    expect(close.kind === "unknown" && close.text).not.toMatch(/\d{2} ?000/);
  });

  it("stays out of messages about anything else, and hides inactive products", () => {
    expect(answerFromCatalogue(index, "Ma commande n'est pas arrivée", "fr")).toEqual({ kind: "none" });
    expect(answerFromCatalogue(index, "prix du savon de marseille", "fr").kind).toBe("unknown");
  });
});
