import { appSettings, type Db, type DraftOutcomeRow, getApp, listOutcomes, TRUST_OUTCOME_LIMIT } from "@support/db";
import { type DraftOutcome, trustScore } from "@support/decisions";
import { AppError } from "../service/errors.js";
import { analyticsRange, DAY_MS, isoDay } from "./range.js";

/** Outcomes read for one history: enough for a long range of a busy app, and a bound on the work. */
export const TRUST_HISTORY_OUTCOME_LIMIT = 20_000;

export interface TrustHistoryPoint {
  date: string;
  category: string;
  score: number | null;
  samples: number;
}

export interface TrustHistory {
  range: { from: string; to: string };
  threshold: number;
  minOutcomes: number;
  categories: string[];
  /** Trust per category at the end of each day (or now, for today), once the category has outcomes. */
  points: TrustHistoryPoint[];
}

/**
 * Trust per category as the decision would have computed it at the end of each day: the same
 * `trustScore` over the same window (the category's latest TRUST_OUTCOME_LIMIT outcomes before
 * that moment), evaluated at that moment.
 */
export async function trustHistory(
  db: Db,
  orgId: string,
  appRef: string,
  input: { from?: string; to?: string },
  now = new Date(),
): Promise<TrustHistory> {
  const app = await getApp(db, orgId, appRef);
  if (!app) throw new AppError("not_found", `app "${appRef}" not found`);
  const range = analyticsRange({ ...input, bucket: "day" }, now);
  const settings = appSettings(app);
  const newestFirst = await listOutcomes(db, orgId, app.id, {
    before: new Date(Math.min(range.endMs, now.getTime() + 1)),
    limit: TRUST_HISTORY_OUTCOME_LIMIT,
  });
  const byCategory = new Map<string, DraftOutcomeRow[]>();
  for (const o of newestFirst) {
    const list = byCategory.get(o.category);
    if (list) list.push(o);
    else byCategory.set(o.category, [o]);
  }
  const categories = [...byCategory.keys()].sort();
  const points: TrustHistoryPoint[] = [];
  for (let dayStart = range.startMs; dayStart < range.endMs && dayStart <= now.getTime(); dayStart += DAY_MS) {
    const at = new Date(Math.min(dayStart + DAY_MS, now.getTime()));
    for (const category of categories) {
      const list = byCategory.get(category) ?? [];
      const first = list.findIndex((o) => o.createdAt.getTime() < at.getTime());
      if (first < 0) continue;
      const window = list.slice(first, first + TRUST_OUTCOME_LIMIT);
      const trust = trustScore(
        window.map((o) => ({ outcome: o.outcome as DraftOutcome, at: o.createdAt })),
        at,
      );
      points.push({ date: isoDay(dayStart), category, ...trust });
    }
  }
  return {
    range: { from: range.from, to: range.to },
    threshold: settings.trustThreshold,
    minOutcomes: settings.minOutcomes,
    categories,
    points,
  };
}
