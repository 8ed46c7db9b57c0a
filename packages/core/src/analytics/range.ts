import type { Bucket } from "@support/contract";
import { AppError } from "../service/errors.js";
import { MAX_RANGE_DAYS } from "./definitions.js";

/** A range of whole UTC days, `to` included, cut into day or week buckets. */
export interface AnalyticsRange {
  from: string;
  to: string;
  bucket: Bucket;
  /** First instant counted and first instant after the range. */
  startMs: number;
  endMs: number;
  /** Where bucket 0 starts: `from` for days, the Monday on or before `from` for weeks. */
  originMs: number;
  bucketMs: number;
}

export const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const DEFAULT_RANGE_DAYS = 30;

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function parseDay(value: string, name: string): number {
  const ms = DATE.test(value) ? Date.parse(`${value}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(ms) || isoDay(ms) !== value)
    throw new AppError("invalid_input", `${name}: expected a date YYYY-MM-DD`);
  return ms;
}

/**
 * The range a request asks for: `to` defaults to today (UTC), `from` to 30 days ending at `to`.
 * Longer than MAX_RANGE_DAYS or reversed is an input error, not a silently clipped answer.
 */
export function analyticsRange(input: { from?: string; to?: string; bucket?: Bucket }, now: Date): AnalyticsRange {
  const toDay = input.to ? parseDay(input.to, "to") : parseDay(isoDay(now.getTime()), "to");
  const fromDay = input.from ? parseDay(input.from, "from") : toDay - (DEFAULT_RANGE_DAYS - 1) * DAY_MS;
  if (fromDay > toDay) throw new AppError("invalid_input", "from: must not be after to");
  const days = (toDay - fromDay) / DAY_MS + 1;
  if (days > MAX_RANGE_DAYS)
    throw new AppError("invalid_input", `the range covers ${days} days; at most ${MAX_RANGE_DAYS}`);
  const bucket = input.bucket ?? "day";
  // 1970-01-01 was a Thursday: (days since epoch + 3) % 7 is the days since Monday.
  const sinceMonday = (fromDay / DAY_MS + 3) % 7;
  return {
    from: isoDay(fromDay),
    to: isoDay(toDay),
    bucket,
    startMs: fromDay,
    endMs: toDay + DAY_MS,
    originMs: bucket === "week" ? fromDay - sinceMonday * DAY_MS : fromDay,
    bucketMs: bucket === "week" ? 7 * DAY_MS : DAY_MS,
  };
}

/** The start day of every bucket in the range, in order (empty buckets included). */
export function bucketStarts(range: AnalyticsRange): string[] {
  const starts: string[] = [];
  for (let ms = range.originMs; ms < range.endMs; ms += range.bucketMs) starts.push(isoDay(ms));
  return starts;
}
