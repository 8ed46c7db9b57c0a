import { describe, expect, it } from "vitest";
import { currencyDigits, formatMoney, isCurrency, parsePrice } from "../src/index.js";

describe("money in minor units", () => {
  it("takes the minor digits from the currency: none for the ariary, two for the euro", () => {
    expect(currencyDigits("MGA")).toBe(0);
    expect(currencyDigits("EUR")).toBe(2);
    expect(isCurrency("MGA")).toBe(true);
    expect(isCurrency("XXQ")).toBe(false);
    expect(() => currencyDigits("ABC")).toThrow(/unknown currency/);
  });

  it("formats ariary the way shops in Madagascar write them, in French and Malagasy", () => {
    expect(formatMoney(95000, "MGA", "fr")).toBe("95 000 Ar");
    expect(formatMoney(1234567, "MGA", "mg")).toBe("1 234 567 Ar");
    expect(formatMoney(95000, "MGA", "en")).toBe("Ar 95,000");
    expect(formatMoney(1250, "EUR", "fr")).toBe("12,50 €");
    expect(formatMoney(1250, "EUR", "en")).toBe("€12.50");
  });

  it("reads prices as shops write them", () => {
    expect(parsePrice("95000", "MGA")).toEqual({ ok: true, minor: 95000 });
    expect(parsePrice(" 95 000 ", "MGA")).toEqual({ ok: true, minor: 95000 });
    expect(parsePrice("12,5", "EUR")).toEqual({ ok: true, minor: 1250 });
    expect(parsePrice("12.50", "EUR")).toEqual({ ok: true, minor: 1250 });
    expect(parsePrice("7", "EUR")).toEqual({ ok: true, minor: 700 });
  });

  it("refuses what is not a price, with the reason", () => {
    expect(parsePrice("abc", "MGA")).toEqual({ ok: false, reason: 'price "abc" is not a number' });
    expect(parsePrice("-5", "MGA")).toMatchObject({ ok: false });
    expect(parsePrice("", "MGA")).toEqual({ ok: false, reason: "price is empty" });
    expect(parsePrice("95000.5", "MGA")).toEqual({ ok: false, reason: 'price "95000.5": MGA has no minor unit' });
    expect(parsePrice("1.234", "EUR")).toEqual({ ok: false, reason: 'price "1.234": EUR has 2 decimals at most' });
    expect(parsePrice("9".repeat(30), "MGA")).toMatchObject({ ok: false, reason: expect.stringMatching(/too large/) });
  });
});
