/**
 * A quote's figures, all in integer minor units: line totals, subtotal, tax (prices before tax,
 * HT, or including it, TTC), the delivery fee from the shop's rules, and the total. Rates are in
 * basis points (20 % = 2000) so no float ever touches an amount.
 */

export interface QuoteLineInput {
  sku: string;
  title: string;
  quantity: number;
  unitMinor: number;
}

export interface DeliveryRule {
  /** The rule applies from this subtotal (inclusive); the highest threshold reached wins. */
  fromSubtotalMinor: number;
  feeMinor: number;
}

export interface QuoteTerms {
  /** Tax rate in basis points: 2000 = 20 %. */
  taxRateBp: number;
  /** true: unit prices include tax (TTC); false: tax is added on top (HT). */
  pricesIncludeTax: boolean;
  delivery: DeliveryRule[];
}

export interface QuoteFigures {
  lines: (QuoteLineInput & { lineMinor: number })[];
  subtotalMinor: number;
  taxMinor: number;
  deliveryMinor: number;
  totalMinor: number;
}

/** Rounds half away from zero on integers: a / b for non-negative a and positive b. */
const divRound = (a: number, b: number) => Math.floor((2 * a + b) / (2 * b));

export function quoteFigures(lines: QuoteLineInput[], terms: QuoteTerms): QuoteFigures {
  const priced = lines.map((l) => ({ ...l, lineMinor: l.unitMinor * l.quantity }));
  const subtotalMinor = priced.reduce((sum, l) => sum + l.lineMinor, 0);
  const taxMinor = terms.pricesIncludeTax
    ? subtotalMinor - divRound(subtotalMinor * 10_000, 10_000 + terms.taxRateBp)
    : divRound(subtotalMinor * terms.taxRateBp, 10_000);
  const rule = [...terms.delivery]
    .sort((a, b) => b.fromSubtotalMinor - a.fromSubtotalMinor)
    .find((r) => subtotalMinor >= r.fromSubtotalMinor);
  const deliveryMinor = rule?.feeMinor ?? 0;
  const totalMinor = subtotalMinor + (terms.pricesIncludeTax ? 0 : taxMinor) + deliveryMinor;
  for (const value of [subtotalMinor, taxMinor, totalMinor]) {
    if (!Number.isSafeInteger(value)) throw new RangeError("quote amounts exceed the safe integer range");
  }
  return { lines: priced, subtotalMinor, taxMinor, deliveryMinor, totalMinor };
}
