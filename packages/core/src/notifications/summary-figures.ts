import { listApps, slackSummaryCounts } from "@support/db";
import { shadowByCategory } from "../review/trust-report.js";
import type { ServiceContext } from "../service/context.js";

export interface DailySummary {
  /** Customer messages received in the last 24 hours. */
  received: number;
  pendingApprovals: number;
  /** Of the drafts autonomy would have sent, the share humans sent unchanged; null before any. */
  autoSendPrecision: number | null;
}

/** The figures of the organization's daily summary: the last 24 hours' volume, the queue, and shadow precision. */
export async function dailySummaryFigures(ctx: ServiceContext, now = new Date()): Promise<DailySummary> {
  const orgId = ctx.org.id;
  const counts = await slackSummaryCounts(ctx.db, orgId, new Date(now.getTime() - 24 * 3600_000));
  let right = 0;
  let wouldAutoSend = 0;
  for (const app of (await listApps(ctx.db, orgId, { limit: 100 })).data) {
    for (const category of await shadowByCategory(ctx.db, orgId, app.id)) {
      right += category.right;
      wouldAutoSend += category.wouldAutoSend;
    }
  }
  return { ...counts, autoSendPrecision: wouldAutoSend === 0 ? null : right / wouldAutoSend };
}
