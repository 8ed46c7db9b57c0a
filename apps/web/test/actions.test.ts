import { describe, expect, it } from "vitest";
import { createTranslator } from "../src/i18n/translator.js";
import { actionOutcome } from "../src/lib/actions.js";

const t = createTranslator("en");
const fr = createTranslator("fr");
/** Intl separates a currency code from its amount with a no-break space. */
const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("proposed actions in words", () => {
  it("states amounts in minor units as money in the currency, with its own number of decimals", () => {
    expect(spaced(t.money(9900, "eur"))).toBe("EUR 99.00");
    expect(spaced(t.money(1200, "JPY"))).toBe("JPY 1,200");
    expect(spaced(fr.money(9900, "EUR"))).toBe("99,00 EUR");
  });

  it("tells what became of an action: waiting, left out, done, or failed with the error", () => {
    const refund = { action: "stripe.refund" };
    expect(actionOutcome(refund, [], t)).toEqual({ label: "waiting for approval", tone: "waiting" });
    expect(actionOutcome({ ...refund, approved: false }, [], t)).toEqual({ label: "not approved", tone: "waiting" });
    expect(actionOutcome({ ...refund, approved: true }, [], t)).toEqual({
      label: "approved, not run yet",
      tone: "waiting",
    });
    const ran = (status: "succeeded" | "failed", error: string | null = null) => [
      { action: "stripe.refund", status, error },
    ];
    expect(actionOutcome({ ...refund, approved: true }, ran("succeeded"), t)).toEqual({ label: "done", tone: "ok" });
    expect(actionOutcome({ ...refund, approved: true }, ran("failed", "charge disputed"), t)).toEqual({
      label: "failed: charge disputed",
      tone: "failed",
    });
  });
});
