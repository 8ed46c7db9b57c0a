import type { ShadowCategoryView, TrustScoreView } from "@support/contract";
import { type Db, listOutcomes } from "@support/db";
import { type DraftOutcome, shadowReport, trustScore } from "@support/decisions";
import type { ServiceContext } from "../service/context.js";
import { requireApp } from "../tenancy/apps.js";

/** Trust per category from the app's stored outcomes, with how many outcomes it rests on; any member may read it. */
export async function trustForApp(ctx: ServiceContext, appRef: string, now = new Date()): Promise<TrustScoreView[]> {
  const app = await requireApp(ctx, appRef);
  const byCategory = new Map<string, { outcome: DraftOutcome; at: Date }[]>();
  for (const o of await listOutcomes(ctx.db, ctx.org.id, app.id)) {
    const list = byCategory.get(o.category) ?? [];
    list.push({ outcome: o.outcome as DraftOutcome, at: o.createdAt });
    byCategory.set(o.category, list);
  }
  return [...byCategory.entries()]
    .map(([category, list]) => ({ category, ...trustScore(list, now) }))
    .sort((a, b) => a.category.localeCompare(b.category));
}

/** Shadow mode, judged: would-have-auto-sent precision and coverage per category; any member may read it. */
export async function shadowForApp(ctx: ServiceContext, appRef: string): Promise<ShadowCategoryView[]> {
  const app = await requireApp(ctx, appRef);
  return shadowByCategory(ctx.db, ctx.org.id, app.id);
}

/**
 * The shadow report of an app known by id. An adapter lookup: Slack's daily summary reads it for
 * every app of an organization from the notifier, which holds no service context.
 */
export async function shadowByCategory(db: Db, orgId: string, appId: string): Promise<ShadowCategoryView[]> {
  const outcomes = await listOutcomes(db, orgId, appId);
  const report = shadowReport(
    outcomes.map((o) => ({ category: o.category, wouldAutoSend: o.wouldAutoSend, outcome: o.outcome as DraftOutcome })),
  );
  return Object.entries(report)
    .map(([category, r]) => ({ category, ...r }))
    .sort((a, b) => a.category.localeCompare(b.category));
}
