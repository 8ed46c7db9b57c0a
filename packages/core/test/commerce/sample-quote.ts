import { quoteFigures } from "@support/decisions";
import type { QuoteDocument } from "../../src/commerce/quote-pdf.js";

/** The quote the golden PDF was rendered from: change it and the golden file must be re-rendered. */
export function sampleQuote(language: QuoteDocument["language"] = "fr"): QuoteDocument {
  const figures = quoteFigures(
    [
      { sku: "RIZ-MAK-25", title: "Riz makalioka 25 kg", quantity: 3, unitMinor: 95000 },
      { sku: "HUI-5", title: "Huile végétale 5 L", quantity: 2, unitMinor: 42500 },
    ],
    { taxRateBp: 2000, pricesIncludeTax: false, delivery: [{ fromSubtotalMinor: 0, feeMinor: 5000 }] },
  );
  return {
    shop: { name: "Épicerie Analakely" },
    number: "D-0001",
    issuedAt: new Date("2026-12-03T10:00:00Z"),
    validUntil: new Date("2026-12-17T10:00:00Z"),
    customer: { name: "Rasoa", phone: "+261 34 00 000 00" },
    currency: "MGA",
    figures,
    taxRateBp: 2000,
    pricesIncludeTax: false,
    paymentInstructions: ["MVola : 034 00 000 00 (Épicerie Analakely)", "Paiement à la livraison accepté"],
    language,
  };
}
