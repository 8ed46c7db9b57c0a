import type { Translator } from "../i18n/translator.js";
import type { AnalyticsReport, MetricId, TrustHistory } from "./types.js";

/** The date-range control: a preset number of days ending today, or two chosen days. */
export type RangeChoice = { preset: 7 | 30 | 90 } | { preset: "custom"; from: string; to: string };

export const PRESETS = [7, 30, 90] as const;
const DAY_MS = 86_400_000;
/** The longest range the API answers (packages/core MAX_RANGE_DAYS). */
const MAX_RANGE_DAYS = 366;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The `from`/`to` days (UTC, both included) a choice stands for on `today`. */
export function rangeDays(choice: RangeChoice, today: Date): { from: string; to: string } {
  if (choice.preset === "custom") return { from: choice.from, to: choice.to };
  const to = Date.parse(`${isoDay(today.getTime())}T00:00:00Z`);
  return { from: isoDay(to - (choice.preset - 1) * DAY_MS), to: isoDay(to) };
}

/** Why a custom range cannot be asked for, or null when it can (the API says the same). */
export function rangeProblem(from: string, to: string, t: Translator): string | null {
  if (!from || !to) return t("analytics.range.bothDays");
  if (from > to) return t("analytics.range.order");
  if ((Date.parse(to) - Date.parse(from)) / DAY_MS + 1 > MAX_RANGE_DAYS) {
    return t("analytics.range.tooLong", { max: MAX_RANGE_DAYS });
  }
  return null;
}

/** Each metric's name and definition in the active locale (the API's texts, translated). */
export function metricDefinition(metric: MetricId, t: Translator): { label: string; definition: string } {
  return { label: t(`analytics.metric.${metric}`), definition: t(`analytics.metric.${metric}.definition`) };
}

export type ChartRow = { start: string } & Record<string, number | string | null>;

/** One row per bucket with a count per series (every series present, zero when absent): stacked bars. */
export function countRows(report: AnalyticsReport, by: "byChannel" | "byCategory"): ChartRow[] {
  const series = by === "byChannel" ? report.channels : report.categories;
  return report.buckets.map((b) => ({
    start: b.start,
    ...Object.fromEntries(series.map((s) => [s, b[by][s] ?? 0])),
  }));
}

/** Averages in minutes per bucket (null where nothing was measured, so the line breaks). */
export function durationRows(report: AnalyticsReport): ChartRow[] {
  const minutes = (ms: number | null) => (ms === null ? null : Math.round(ms / 600) / 100);
  return report.buckets.map((b) => ({
    start: b.start,
    firstResponse: minutes(b.firstResponseAvgMs),
    resolution: minutes(b.resolutionAvgMs),
  }));
}

/** Rates as percentages per bucket (null where the rate has no denominator). */
export function rateRows(report: AnalyticsReport): ChartRow[] {
  const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);
  return report.buckets.map((b) => ({
    start: b.start,
    approvalRate: pct(b.approvalRate),
    autoSendRate: pct(b.autoSendRate),
    deflection: pct(b.deflectionRate),
  }));
}

/** The share of positive ratings per bucket, in percent (null where nothing was rated). */
export function csatRows(report: AnalyticsReport): ChartRow[] {
  return report.buckets.map((b) => ({
    start: b.start,
    csatPositive: b.csatPositiveRate === null ? null : Math.round(b.csatPositiveRate * 1000) / 10,
  }));
}

/** Approved sends per bucket split by how much the human changed them, as shares of 100. */
export function editRows(report: AnalyticsReport): ChartRow[] {
  return report.buckets.map((b) => {
    const total = b.unchanged + b.edited + b.rewritten;
    const share = (n: number) => (total === 0 ? 0 : Math.round((n / total) * 1000) / 10);
    return { start: b.start, unchanged: share(b.unchanged), edited: share(b.edited), rewritten: share(b.rewritten) };
  });
}

/** Trust points pivoted to one row per day with a column per category (gaps stay null). */
export function trustRows(history: TrustHistory): ChartRow[] {
  const byDate = new Map<string, ChartRow>();
  for (const p of history.points) {
    const row = byDate.get(p.date) ?? { start: p.date };
    row[p.category] = p.score;
    byDate.set(p.date, row);
  }
  return [...byDate.values()].sort((a, b) => (a.start < b.start ? -1 : 1));
}

/** A fixed palette with enough contrast on white; series keep their colour across charts. */
const PALETTE = ["#1d4ed8", "#b45309", "#047857", "#b91c1c", "#6d28d9", "#0e7490", "#be185d", "#4d7c0f"];
export function seriesColor(name: string, all: readonly string[]): string {
  const index = all.indexOf(name);
  return PALETTE[Math.max(index, 0) % PALETTE.length] as string;
}
