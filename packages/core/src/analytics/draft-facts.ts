import type { Database } from "@support/db";
import { and, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import type { AnalyticsRange } from "./range.js";
import { sqlTime } from "./sql-time.js";

/** Drafts created in one bucket for one category, by what became of them. */
export interface DraftGroup {
  bucket: number;
  category: string;
  drafts: number;
  autoSent: number;
  /** Approved by a human and sent (status `sent`). */
  approved: number;
  /** Rejected, or escalated by a person (triage's own escalations are not a human decision). */
  refused: number;
  unchanged: number;
  edited: number;
  rewritten: number;
}

/** Drafts created in the range (tenant-scoped, on drafts_created_idx) with their outcome row. */
export async function draftGroups(
  database: Database,
  orgId: string,
  appId: string | undefined,
  range: AnalyticsRange,
): Promise<DraftGroup[]> {
  const { drafts: d, draftOutcomes: o } = database.db.t;
  const time = sqlTime(database.dialect);
  const count = (condition: SQL) => sql<number>`SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`.mapWith(Number);
  const sentAs = (outcome: string) => count(sql`${d.status} = 'sent' AND ${o.outcome} = ${outcome}`);
  const where = [eq(d.orgId, orgId), gte(d.createdAt, new Date(range.startMs)), lt(d.createdAt, new Date(range.endMs))];
  if (appId) where.push(eq(d.appId, appId));
  return database.db.q
    .select({
      bucket: sql<number>`${time.bucketIndex(sql`${d.createdAt}`, range.originMs, range.bucketMs)}`
        .mapWith(Number)
        .as("bucket"),
      category: d.category,
      drafts: sql<number>`COUNT(*)`.mapWith(Number),
      autoSent: count(sql`${d.status} = 'auto_sent'`),
      approved: count(sql`${d.status} = 'sent'`),
      refused: count(sql`${d.status} = 'rejected' OR (${d.status} = 'escalated' AND ${d.decidedBy} <> 'triage')`),
      unchanged: sentAs("unchanged"),
      edited: sentAs("edited"),
      rewritten: sentAs("rewritten"),
    })
    .from(d)
    .leftJoin(o, and(eq(o.orgId, d.orgId), eq(o.draftId, d.id)))
    .where(and(...where))
    .groupBy(sql`bucket`, d.category);
}
