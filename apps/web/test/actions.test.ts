import { describe, expect, it } from "vitest";
import { actionOutcome, money } from "../src/lib/actions.js";

describe("proposed actions in words", () => {
  it("states amounts as the platform does, minor units to major", () => {
    expect(money(9900, "eur")).toBe("99.00 EUR");
    expect(money(1200, "JPY")).toBe("1200 JPY");
  });

  it("tells what became of an action: waiting, left out, done, or failed with the error", () => {
    const refund = { action: "stripe.refund" };
    expect(actionOutcome(refund, [])).toEqual({ label: "waiting for approval", tone: "waiting" });
    expect(actionOutcome({ ...refund, approved: false }, [])).toEqual({ label: "not approved", tone: "waiting" });
    expect(actionOutcome({ ...refund, approved: true }, [])).toEqual({
      label: "approved, not run yet",
      tone: "waiting",
    });
    const ran = (status: "succeeded" | "failed", error: string | null = null) => [
      { action: "stripe.refund", status, error },
    ];
    expect(actionOutcome({ ...refund, approved: true }, ran("succeeded"))).toEqual({ label: "done", tone: "ok" });
    expect(actionOutcome({ ...refund, approved: true }, ran("failed", "charge disputed"))).toEqual({
      label: "failed: charge disputed",
      tone: "failed",
    });
  });
});
