import type { TrustHistoryQuery, TrustHistoryView } from "@support/contract";
import { appSettings, type DraftOutcomeRow, listOutcomes, TRUST_OUTCOME_LIMIT } from "@support/db";
import { type DraftOutcome, trustScore } from "@support/decisions";
import type { ServiceContext } from "../service/context.js";
import { requireApp } from "../tenancy/apps.js";
import { analyticsRange, DAY_MS, isoDay } from "./range.js";

/** Outcomes read for one history: enough for a long range of a busy app, and a bound on the work. */
export const TRUST_HISTORY_OUTCOME_LIMIT = 20_000;

/**
 * Trust per category as the decision would have computed it at the end of each day: the same
 * `trustScore` over the same window (the category's latest TRUST_OUTCOME_LIMIT outcomes before
 * that moment), evaluated at that moment. Any member may read it.
 */
export async function trustHistory(
  ctx: ServiceContext,
  appRef: string,
  input: TrustHistoryQuery,
  now = new Date(),
): Promise<TrustHistoryView> {
  const app = await requireApp(ctx, appRef);
  const range = analyticsRange({ ...input, bucket: "day" }, now);
  const settings = appSettings(app);
  const newestFirst = await listOutcomes(ctx.db, ctx.org.id, app.id, {
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
  const points: TrustHistoryView["points"] = [];
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
