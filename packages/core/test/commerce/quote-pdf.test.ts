import { readFileSync } from "node:fs";
import { parseFile } from "@support/knowledge";
import { describe, expect, it } from "vitest";
import { renderQuotePdf } from "../../src/commerce/quote-pdf.js";
import { sampleQuote } from "./sample-quote.js";

const golden = new URL("./golden/quote-fr.pdf", import.meta.url);

describe("quote PDF", () => {
  it("renders the same bytes for the same quote, equal to the golden file", async () => {
    const first = await renderQuotePdf(sampleQuote());
    const second = await renderQuotePdf(sampleQuote());
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
    expect(Buffer.from(first).equals(readFileSync(golden))).toBe(true);
  });

  it("prints the shop, the lines, the totals to the ariary and the payment instructions", async () => {
    const [doc] = await parseFile("quote.pdf", await renderQuotePdf(sampleQuote()));
    const text = doc?.format === "markdown" ? doc.markdown : "";
    for (const expected of [
      "Épicerie Analakely",
      "Devis D-0001",
      "Valable jusqu'au : 2026-12-17",
      "Rasoa",
      "285 000 Ar",
      "Total à payer",
      "449 000 Ar",
      "MVola : 034 00 000 00",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("speaks Malagasy for a Malagasy customer", async () => {
    const [doc] = await parseFile("quote.pdf", await renderQuotePdf(sampleQuote("mg")));
    const text = doc?.format === "markdown" ? doc.markdown : "";
    expect(text).toContain("Tombam-bidy D-0001");
    expect(text).toContain("Totaliny aloa");
  });
});
