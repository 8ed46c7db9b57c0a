import { describe, expect, it } from "vitest";
import { createTranslator } from "../src/i18n/translator.js";
import { type Billing, billingAlerts } from "../src/lib/billing.js";
import { matchRoute } from "../src/lib/links.js";

const usage = (levels: ("ok" | "warning" | "reached")[]): Billing["usage"] =>
  levels.map((level, i) => ({
    quota: (["aiDrafts", "seats", "apps"] as const)[i] ?? "apps",
    used: 1,
    limit: 2,
    level,
  }));

const view = (over: Partial<Billing>): Billing => ({
  enabled: true,
  plan: { id: "starter", name: "Starter" },
  status: "active",
  periodEnd: "2026-12-31T00:00:00.000Z",
  trialEndsAt: null,
  overage: "pause",
  aiPaused: null,
  usage: usage(["ok"]),
  plans: [],
  canManage: true,
  ...over,
});

describe("billing banner", () => {
  it("counts the quotas past 80 % and says when AI is paused; nothing when billing is off", () => {
    expect(billingAlerts(view({ usage: usage(["ok", "warning", "reached"]) }))).toEqual({ warnings: 2, paused: false });
    expect(billingAlerts(view({ aiPaused: "the free trial has ended" }))).toEqual({ warnings: 0, paused: true });
    expect(billingAlerts(view({ enabled: false, usage: usage(["reached"]) }))).toEqual({ warnings: 0, paused: false });
    expect(billingAlerts(undefined)).toEqual({ warnings: 0, paused: false });
  });

  it("words the warning with plurals in English and French, and /billing is a page", () => {
    expect(createTranslator("en")("billing.banner.warning", { count: 1 })).toBe("1 quota is over 80 %.");
    expect(createTranslator("fr")("billing.banner.warning", { count: 2 })).toMatch(/^2 quotas dépassent 80/);
    expect(matchRoute("/billing")).toEqual({ page: "billing" });
  });
});
