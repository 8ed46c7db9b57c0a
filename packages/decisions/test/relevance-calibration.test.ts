import { describe, expect, it } from "vitest";
import { calibrateRelevance } from "../src/evaluation/relevance-calibration.js";

describe("calibrateRelevance", () => {
  it("picks per language the thresholds halfway between what the knowledge answers and what it does not", () => {
    const calibrated = calibrateRelevance([
      { language: "fr", coverage: 0.25, cosine: 0.2, answerable: true },
      { language: "fr", coverage: 0.75, cosine: 0.4, answerable: true },
      { language: "fr", coverage: 0, cosine: 0.22, answerable: false },
      { language: "mg", coverage: 0.6, cosine: 0.5, answerable: true },
      { language: "mg", coverage: 0.2, cosine: 0.1, answerable: false },
    ]);
    expect(calibrated.fr).toMatchObject({ minCoverage: 0.125, truePositiveRate: 1, trueNegativeRate: 1 });
    expect(calibrated.fr?.minCosine).toBeGreaterThan(0.22);
    expect(calibrated.mg).toMatchObject({ minCoverage: 0.4, truePositiveRate: 1, trueNegativeRate: 1 });
  });

  it("keeps every answerable question when nothing out of scope was labelled", () => {
    const calibrated = calibrateRelevance([{ language: "en", coverage: 0.5, cosine: 0.3, answerable: true }]);
    expect(calibrated.en).toMatchObject({ minCoverage: 0, truePositiveRate: 1 });
  });
});
