import { type Db, getApp, listOutcomes } from "@support/db";
import { type DraftOutcome, shadowReport, trustScore } from "@support/decisions";
import { AppError } from "../service/errors.js";

async function outcomesOf(db: Db, orgId: string, appRef: string) {
  const app = await getApp(db, orgId, appRef);
  if (!app) throw new AppError("not_found", `app "${appRef}" not found`);
  return listOutcomes(db, orgId, app.id);
}

/** Trust per category from the stored outcomes, with how many outcomes it rests on. */
export async function trustForApp(db: Db, orgId: string, appRef: string, now = new Date()) {
  const outcomes = await outcomesOf(db, orgId, appRef);
  const byCategory = new Map<string, { outcome: DraftOutcome; at: Date }[]>();
  for (const o of outcomes) {
    const list = byCategory.get(o.category) ?? [];
    list.push({ outcome: o.outcome as DraftOutcome, at: o.createdAt });
    byCategory.set(o.category, list);
  }
  return [...byCategory.entries()]
    .map(([category, list]) => ({ category, ...trustScore(list, now) }))
    .sort((a, b) => a.category.localeCompare(b.category));
}

/** Shadow mode, judged: would-have-auto-sent precision and coverage per category. */
export async function shadowForApp(db: Db, orgId: string, appRef: string) {
  const outcomes = await outcomesOf(db, orgId, appRef);
  const report = shadowReport(
    outcomes.map((o) => ({ category: o.category, wouldAutoSend: o.wouldAutoSend, outcome: o.outcome as DraftOutcome })),
  );
  return Object.entries(report)
    .map(([category, r]) => ({ category, ...r }))
    .sort((a, b) => a.category.localeCompare(b.category));
}
