import { describe, expect, it } from "vitest";
import { quoteFigures } from "../src/index.js";

const lines = [
  { sku: "RIZ-25", title: "Riz makalioka 25 kg", quantity: 3, unitMinor: 95000 },
  { sku: "HUI-5", title: "Huile 5 L", quantity: 2, unitMinor: 42500 },
];
const delivery = [
  { fromSubtotalMinor: 0, feeMinor: 5000 },
  { fromSubtotalMinor: 500000, feeMinor: 0 },
];

describe("quote figures", () => {
  it("adds tax on top of prices before tax (HT) and the delivery fee of the subtotal's band", () => {
    const q = quoteFigures(lines, { taxRateBp: 2000, pricesIncludeTax: false, delivery });
    expect(q.lines.map((l) => l.lineMinor)).toEqual([285000, 85000]);
    expect(q).toMatchObject({ subtotalMinor: 370000, taxMinor: 74000, deliveryMinor: 5000, totalMinor: 449000 });
  });

  it("finds the tax inside prices that include it (TTC), to the ariary", () => {
    const q = quoteFigures(lines, { taxRateBp: 2000, pricesIncludeTax: true, delivery });
    // 370 000 TTC at 20 %: 308 333.33 HT, so 61 667 Ar of tax, and the total is unchanged by it.
    expect(q).toMatchObject({ subtotalMinor: 370000, taxMinor: 61667, deliveryMinor: 5000, totalMinor: 375000 });
  });

  it("delivers free above the shop's threshold and charges nothing without rules", () => {
    const big = [{ sku: "RIZ-25", title: "Riz", quantity: 6, unitMinor: 95000 }];
    expect(quoteFigures(big, { taxRateBp: 0, pricesIncludeTax: false, delivery }).deliveryMinor).toBe(0);
    expect(quoteFigures(big, { taxRateBp: 0, pricesIncludeTax: false, delivery: [] })).toMatchObject({
      deliveryMinor: 0,
      totalMinor: 570000,
      taxMinor: 0,
    });
  });
});
