import { describe, expect, it } from "vitest";
import {
  aiAllowance,
  checkPlans,
  DEFAULT_PLANS,
  entitlementOf,
  overageUnitAmount,
  type Plan,
  priceLookupKey,
  quotaLevel,
} from "../src/index.js";

const created = new Date("2026-12-01T00:00:00Z");
const day = 86_400_000;
const at = (days: number) => new Date(created.getTime() + days * day);
const plan = (id: string) => DEFAULT_PLANS.find((p) => p.id === id) as Plan;

describe("plans", () => {
  it("the default catalogue is valid and priced in EUR and MGA", () => {
    expect(checkPlans(DEFAULT_PLANS)).toEqual([]);
    for (const p of DEFAULT_PLANS.filter((p) => !p.trial)) expect(Object.keys(p.prices).sort()).toEqual(["EUR", "MGA"]);
    expect(priceLookupKey("pro", "MGA")).toBe("support_pro_mga_monthly");
  });

  it("refuses two trials, duplicate ids, negative quotas and unpriced plans", () => {
    const bad = [
      { ...plan("trial") },
      { ...plan("trial"), id: "trial2" },
      { ...plan("pro"), quotas: { ...plan("pro").quotas, seats: -1 } },
      { ...plan("starter"), prices: {} },
      { ...plan("starter") },
    ];
    const problems = checkPlans(bad).join("\n");
    expect(problems).toMatch(/exactly one plan must be the trial/);
    expect(problems).toMatch(/seats must be a whole number/);
    expect(problems).toMatch(/"starter" has no price/);
    expect(problems).toMatch(/"starter" appears twice/);
  });

  it("overage is priced only on metered plans", () => {
    expect(overageUnitAmount(plan("starter"), "EUR")).toBeUndefined();
    expect(overageUnitAmount(plan("pro"), "EUR")).toBe(3);
  });
});

describe("entitlements", () => {
  it("an organization starts on a 14-day trial and is paused after it", () => {
    const during = entitlementOf(DEFAULT_PLANS, { createdAt: created }, undefined, at(13.9));
    expect(during).toMatchObject({ status: "trialing", plan: { id: "trial" }, trialEndsAt: at(14) });
    expect(entitlementOf(DEFAULT_PLANS, { createdAt: created }, undefined, at(14)).status).toBe("paused");
  });

  it("a subscription sets the plan; unpaid statuses map to past_due; canceled falls back to the trial quotas", () => {
    const state = (stripeStatus: string) => ({ planId: "pro", stripeStatus, currentPeriodEnd: at(40) });
    expect(entitlementOf(DEFAULT_PLANS, { createdAt: created }, state("active"), at(30))).toMatchObject({
      plan: { id: "pro" },
      status: "active",
      periodEnd: at(40),
      trialEndsAt: null,
    });
    expect(entitlementOf(DEFAULT_PLANS, { createdAt: created }, state("unpaid"), at(30)).status).toBe("past_due");
    const canceled = entitlementOf(DEFAULT_PLANS, { createdAt: created }, state("canceled"), at(30));
    expect(canceled).toMatchObject({ status: "canceled", plan: { id: "trial" } });
  });

  it("quota levels warn at 80 % and are reached at 100 %", () => {
    expect([quotaLevel(79, 100), quotaLevel(80, 100), quotaLevel(99, 100), quotaLevel(100, 100)]).toEqual([
      "ok",
      "warning",
      "warning",
      "reached",
    ]);
  });

  it("AI pauses at the quota unless the owner allows overage on an active metered plan", () => {
    const active = entitlementOf(
      DEFAULT_PLANS,
      { createdAt: created },
      { planId: "pro", stripeStatus: "active", currentPeriodEnd: at(40) },
      at(20),
    );
    expect(aiAllowance(active, 2499, "pause")).toEqual({ allowed: true, overage: false });
    expect(aiAllowance(active, 2500, "pause")).toMatchObject({ allowed: false, reason: "quota" });
    expect(aiAllowance(active, 2500, "allow")).toEqual({ allowed: true, overage: true });
    const starter = { ...active, plan: plan("starter") };
    expect(aiAllowance(starter, 500, "allow")).toMatchObject({ allowed: false, reason: "quota" });
  });

  it("a lapsed trial or an unpaid subscription pauses AI whatever the usage", () => {
    const lapsed = entitlementOf(DEFAULT_PLANS, { createdAt: created }, undefined, at(15));
    expect(aiAllowance(lapsed, 0, "allow")).toMatchObject({ allowed: false, message: /free trial has ended/ });
    const unpaid = entitlementOf(
      DEFAULT_PLANS,
      { createdAt: created },
      { planId: "pro", stripeStatus: "past_due", currentPeriodEnd: at(40) },
      at(20),
    );
    expect(aiAllowance(unpaid, 0, "allow")).toMatchObject({ allowed: false, message: /past due/ });
  });
});
