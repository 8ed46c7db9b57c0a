import { describe, expect, it } from "vitest";
import { createTranslator } from "../src/i18n/translator.js";
import {
  countRows,
  editRows,
  metricDefinition,
  rangeDays,
  rangeProblem,
  rateRows,
  seriesColor,
  trustRows,
} from "../src/lib/analytics.js";
import type { AnalyticsFigures, AnalyticsReport } from "../src/lib/types.js";

const t = createTranslator("en");
const fr = createTranslator("fr");

const empty: AnalyticsFigures = {
  conversations: 0,
  byChannel: {},
  byCategory: {},
  responded: 0,
  firstResponseAvgMs: null,
  resolved: 0,
  resolutionAvgMs: null,
  deflected: 0,
  deflectionRate: null,
  drafts: 0,
  autoSent: 0,
  autoSendRate: null,
  humanDecided: 0,
  approved: 0,
  approvalRate: null,
  unchanged: 0,
  edited: 0,
  rewritten: 0,
  rated: 0,
  csatAvg: null,
  csatPositiveRate: null,
};

const report = {
  range: { from: "2026-03-01", to: "2026-03-02", bucket: "day", app: null },
  channels: ["email", "zendesk"],
  categories: ["billing"],
  totals: empty,
  buckets: [
    {
      ...empty,
      start: "2026-03-01",
      byChannel: { zendesk: 3 },
      byCategory: { billing: 3 },
      firstResponseAvgMs: 90_000,
      approvalRate: 0.5,
      autoSendRate: 0.125,
      unchanged: 1,
      edited: 2,
      rewritten: 1,
    },
    { ...empty, start: "2026-03-02" },
  ],
} as unknown as AnalyticsReport;

describe("analytics date range", () => {
  const today = new Date("2026-03-20T23:30:00Z");
  it("turns a preset into the last N days ending today, both included", () => {
    expect(rangeDays({ preset: 7 }, today)).toEqual({ from: "2026-03-14", to: "2026-03-20" });
    expect(rangeDays({ preset: 30 }, today)).toEqual({ from: "2026-02-19", to: "2026-03-20" });
    expect(rangeDays({ preset: 90 }, today)).toEqual({ from: "2025-12-21", to: "2026-03-20" });
    expect(rangeDays({ preset: "custom", from: "2026-01-01", to: "2026-01-31" }, today)).toEqual({
      from: "2026-01-01",
      to: "2026-01-31",
    });
  });
  it("says what is wrong with a custom range before asking the API", () => {
    expect(rangeProblem("2026-01-01", "2026-01-31", t)).toBeNull();
    expect(rangeProblem("", "2026-01-31", t)).toBe("Choose both days.");
    expect(rangeProblem("2026-02-01", "2026-01-31", t)).toBe("The first day must not be after the last.");
    expect(rangeProblem("2024-01-01", "2026-01-31", t)).toBe("Choose at most 366 days.");
    expect(rangeProblem("2024-01-01", "2026-01-31", fr)).toBe("Choisissez au plus 366 jours.");
  });
});

describe("analytics chart rows", () => {
  it("gives every bucket a value for every series, zero when nothing came in", () => {
    expect(countRows(report, "byChannel")).toEqual([
      { start: "2026-03-01", email: 0, zendesk: 3 },
      { start: "2026-03-02", email: 0, zendesk: 0 },
    ]);
  });
  it("keeps unmeasured averages and rates null so lines break instead of dropping to zero", () => {
    expect(rateRows(report)).toEqual([
      { start: "2026-03-01", approvalRate: 50, autoSendRate: 12.5, deflection: null },
      { start: "2026-03-02", approvalRate: null, autoSendRate: null, deflection: null },
    ]);
  });
  it("splits approved sends into shares of 100", () => {
    expect(editRows(report)[0]).toEqual({ start: "2026-03-01", unchanged: 25, edited: 50, rewritten: 25 });
    expect(editRows(report)[1]).toEqual({ start: "2026-03-02", unchanged: 0, edited: 0, rewritten: 0 });
  });
  it("pivots trust points to one row per day with a column per category", () => {
    expect(
      trustRows({
        range: { from: "2026-03-01", to: "2026-03-02" },
        threshold: 0.85,
        minOutcomes: 50,
        categories: ["billing", "shipping"],
        points: [
          { date: "2026-03-02", category: "billing", score: 0.75, samples: 2 },
          { date: "2026-03-01", category: "billing", score: 1, samples: 1 },
          { date: "2026-03-02", category: "shipping", score: 0.5, samples: 1 },
        ],
      }),
    ).toEqual([
      { start: "2026-03-01", billing: 1 },
      { start: "2026-03-02", billing: 0.75, shipping: 0.5 },
    ]);
  });
  it("reads durations as people do, in the locale, and keeps a series' colour stable", () => {
    const durations = [null, 903, 42_000, 90_000, 5_400_000, 3 * 86_400_000];
    expect(durations.map((ms) => t.duration(ms).replace(/\s/g, " "))).toEqual([
      "n/a",
      "903 ms",
      "42 sec",
      "2 min",
      "1.5 hr",
      "3 days",
    ]);
    expect(durations.map((ms) => fr.duration(ms).replace(/\s/g, " "))).toEqual([
      "n.d.",
      "903 ms",
      "42 s",
      "2 min",
      "1,5 h",
      "3 j",
    ]);
    expect(seriesColor("zendesk", ["email", "zendesk"])).toBe(seriesColor("zendesk", ["email", "zendesk"]));
    expect(seriesColor("zendesk", ["email", "zendesk"])).not.toBe(seriesColor("email", ["email", "zendesk"]));
  });
});

describe("metric definitions", () => {
  it("names each metric and says how it is computed, in the active locale", () => {
    expect(metricDefinition("approvalRate", t).label).toBe("Approval rate");
    expect(metricDefinition("approvalRate", fr).label).toBe("Taux d’approbation");
    expect(metricDefinition("deflection", t).definition).toMatch(/^Of the conversations started in the period/);
  });
});
