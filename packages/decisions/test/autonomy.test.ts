import { describe, expect, it } from "vitest";
import { type AutonomyInputs, type AutonomySettings, decideAutonomy } from "../src/outcomes/autonomy.js";

/** A new app's policy (the defaults an app is created with). */
const DEFAULT_APP_SETTINGS: AutonomySettings = {
  autonomyTier: "suggest",
  trustThreshold: 0.85,
  confidenceFloor: 0.9,
  minOutcomes: 50,
  neverAutoSend: ["angry_customer", "legal", "security"],
};

const earned: AutonomyInputs = {
  settings: { ...DEFAULT_APP_SETTINGS, autonomyTier: "auto_send" },
  category: "how_to",
  categoryRisk: "low",
  intent: "how_to",
  flags: [],
  needsHuman: false,
  confidence: 0.93,
  trust: { score: 0.9, samples: 60 },
  gates: [
    { gate: "internal_state", passed: true },
    { gate: "citations", passed: true },
  ],
  shadowMode: false,
};

describe("decideAutonomy", () => {
  it("auto-sends only when every condition holds, and keeps its inputs", () => {
    const decision = decideAutonomy(earned);
    expect(decision).toMatchObject({
      autoSend: true,
      wouldAutoSend: true,
      reasons: ["every condition holds: auto-send"],
    });
    expect(decision.inputs).toEqual(earned);
    expect(decision.checks.every((c) => c.passed)).toBe(true);
  });

  it.each([
    ["tier suggest", { settings: { ...earned.settings, autonomyTier: "suggest" as const } }, /tier suggest never/],
    [
      "tier one_click",
      { settings: { ...earned.settings, autonomyTier: "one_click" as const } },
      /tier one_click never/,
    ],
    [
      "a risky category",
      { category: "refund", categoryRisk: "high" as const },
      /low-risk categories; refund is high risk/,
    ],
    ["a never-auto-send category", { category: "legal" }, /legal is never auto-sent/],
    ["a never-auto-send intent", { intent: "legal" }, /legal is never auto-sent/],
    ["an angry customer", { flags: ["angry_customer"] }, /angry_customer is never auto-sent/],
    ["a request for a human", { needsHuman: true }, /asked for a human/],
    ["too few outcomes", { trust: { score: 0.95, samples: 49 } }, /49 outcomes, at least 50/],
    ["trust below threshold", { trust: { score: 0.84, samples: 80 } }, /trust 0.840, threshold 0.85/],
    ["no trust yet", { trust: { score: null, samples: 0 } }, /trust unknown/],
    ["low confidence", { confidence: 0.89 }, /confidence 0.890, floor 0.9/],
    [
      "a failed gate",
      { gates: [{ gate: "length" as const, passed: false, reason: "too long" }] },
      /length \(too long\)/,
    ],
  ])("asks a human on %s", (_, change, reason) => {
    const decision = decideAutonomy({ ...earned, ...change });
    expect(decision.autoSend).toBe(false);
    expect(decision.reasons.some((r) => reason.test(r))).toBe(true);
  });

  it("accepts values exactly at the thresholds", () => {
    expect(decideAutonomy({ ...earned, confidence: 0.9, trust: { score: 0.85, samples: 50 } }).autoSend).toBe(true);
  });

  it("in shadow mode records what it would have sent without sending", () => {
    const decision = decideAutonomy({ ...earned, shadowMode: true });
    expect(decision).toMatchObject({ autoSend: false, wouldAutoSend: true });
    expect(decision.reasons).toContain("shadow mode: recorded, not sent");
  });

  it("would auto-send under a cautious tier, which is what shadow mode measures", () => {
    const decision = decideAutonomy({ ...earned, settings: DEFAULT_APP_SETTINGS });
    expect(decision).toMatchObject({ autoSend: false, wouldAutoSend: true });
    expect(decideAutonomy({ ...earned, settings: DEFAULT_APP_SETTINGS, confidence: 0.5 }).wouldAutoSend).toBe(false);
    expect(decideAutonomy({ ...earned, categoryRisk: "medium" }).wouldAutoSend).toBe(false);
  });
});
