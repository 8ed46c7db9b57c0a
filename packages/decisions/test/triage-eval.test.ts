import { describe, expect, it } from "vitest";
import { evaluateTriage, macroF1, selectShots } from "../src/triage/triage-eval.js";

describe("macroF1", () => {
  it("averages per-label F1 over the gold labels", () => {
    // a: tp 1, fn 1 -> F1 2/3; b: tp 1, fp 1 -> F1 2/3
    expect(macroF1(["a", "a", "b"], ["a", "b", "b"])).toBeCloseTo(2 / 3, 10);
    expect(macroF1(["a", "b"], ["a", "b"])).toBe(1);
  });
});

describe("selectShots", () => {
  const rows = ["a", "b", "c"].flatMap((label) =>
    Array.from({ length: 10 }, (_, i) => ({ text: `${label}${i}`, label })),
  );

  it("takes k rows per label, the same ones every time", () => {
    const shots = selectShots(rows, 3);
    expect(shots).toHaveLength(9);
    expect(new Set(shots.filter((r) => r.label === "a").map((r) => r.text)).size).toBe(3);
    expect(selectShots(rows, 3)).toEqual(shots);
    expect(selectShots(rows, 3, 1)).not.toEqual(shots);
  });
});

describe("evaluateTriage", () => {
  const topics: Record<string, string[]> = {
    shipping: ["parcel", "delivery", "package", "courier", "tracking"],
    login: ["password", "login", "sign in", "two factor", "locked out"],
    refund: ["refund", "money back", "reimburse", "chargeback", "return payment"],
  };
  const phrase = (word: string, i: number) =>
    [`question about my ${word}`, `problem with ${word} today`, `help with the ${word} please`][i % 3] as string;
  const rows = Object.entries(topics).flatMap(([label, ws]) =>
    ws.flatMap((w, i) => [0, 1, 2].map((j) => ({ text: phrase(w, i + j), label }))),
  );
  const oos = ["what is the weather tomorrow", "play some jazz music", "tell me a joke about cats"].map((text) => ({
    text,
    label: "oos",
  }));

  it("reports accuracy, macro-F1, out-of-scope recall and abstention rate", () => {
    const train = [...rows.filter((_, i) => i % 3 !== 0), ...oos.slice(0, 2)];
    const test = [...rows.filter((_, i) => i % 3 === 0), oos[2] as { text: string; label: string }];
    const report = evaluateTriage(train, test, { now: () => 0 });
    expect(report).toMatchObject({
      trainRows: train.length,
      testRows: test.length,
      labels: 4,
      shots: null,
      trainingMs: 0,
    });
    for (const key of ["accuracy", "macroF1", "abstentionRate", "inScopeAccuracy", "acceptedAccuracy"] as const) {
      expect(report[key]).toBeGreaterThanOrEqual(0);
      expect(report[key]).toBeLessThanOrEqual(1);
    }
    expect(report.accuracy).toBeGreaterThan(0.6);
    expect(report.outOfScopeRecall).not.toBeNull();
  });

  it("has no out-of-scope recall without out-of-scope rows, and honours --shots", () => {
    const report = evaluateTriage(rows, rows, { shots: 2 });
    expect(report.outOfScopeRecall).toBeNull();
    expect(report.trainRows).toBe(6);
  });
});
