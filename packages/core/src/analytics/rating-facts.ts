import type { Database } from "@support/db";
import { and, eq, gte, lt, sql } from "drizzle-orm";
import type { AnalyticsRange } from "./range.js";
import { sqlTime } from "./sql-time.js";

/** Replies rated in one bucket (by their latest rating), from the links and the widget alike. */
export interface RatingGroup {
  bucket: number;
  rated: number;
  scoreSum: number;
  /** 4 or 5 out of 5, or a thumbs up (stored as 5). */
  positive: number;
}

/** Ratings whose latest choice falls in the range (tenant-scoped, on reply_ratings_rated_idx). */
export async function ratingGroups(
  database: Database,
  orgId: string,
  appId: string | undefined,
  range: AnalyticsRange,
): Promise<RatingGroup[]> {
  const r = database.db.t.replyRatings;
  const time = sqlTime(database.dialect);
  const where = [eq(r.orgId, orgId), gte(r.ratedAt, new Date(range.startMs)), lt(r.ratedAt, new Date(range.endMs))];
  if (appId) where.push(eq(r.appId, appId));
  return database.db.q
    .select({
      bucket: sql<number>`${time.bucketIndex(sql`${r.ratedAt}`, range.originMs, range.bucketMs)}`
        .mapWith(Number)
        .as("bucket"),
      rated: sql<number>`COUNT(*)`.mapWith(Number),
      scoreSum: sql<number>`SUM(${r.score})`.mapWith(Number),
      positive: sql<number>`SUM(CASE WHEN ${r.score} >= 4 THEN 1 ELSE 0 END)`.mapWith(Number),
    })
    .from(r)
    .where(and(...where))
    .groupBy(sql`bucket`);
}
