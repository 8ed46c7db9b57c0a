import type { Database } from "@support/db";
import { type SQL, sql } from "drizzle-orm";
import { RESOLUTION_QUIET_HOURS, UNCATEGORIZED } from "./definitions.js";
import type { AnalyticsRange } from "./range.js";
import { sqlTime } from "./sql-time.js";

/** Conversations started in one bucket on one channel with one category, and what became of them. */
export interface ConversationGroup {
  bucket: number;
  channel: string;
  category: string;
  conversations: number;
  /** Got a reply after their first customer message. */
  responded: number;
  /** Sum over those of first reply − first customer message. */
  firstResponseMs: number;
  resolved: number;
  resolutionMs: number;
  /** Got a reply and no human wrote or edited any of it, or closed from a suggested article. */
  deflected: number;
  /** Closed by the customer from a suggested article in the chat widget (tagged `deflected`). */
  selfServed: number;
}

/**
 * One row per conversation started in the range (tenant-scoped, on conversations_created_idx),
 * with its first and last messages each way found through messages_conversation_idx, then
 * aggregated per (bucket, channel, category). Definitions: METRIC_DEFINITIONS.
 */
export async function conversationGroups(
  database: Database,
  orgId: string,
  appId: string | undefined,
  range: AnalyticsRange,
  now: Date,
): Promise<ConversationGroup[]> {
  const time = sqlTime(database.dialect);
  // The system's own words (the handoff notice: "a person will answer within ...") answer nothing.
  const messageAt = (direction: string, fn: "MIN" | "MAX", extra: SQL = sql``) =>
    sql`(SELECT ${sql.raw(fn)}(m.created_at) FROM messages m WHERE m.org_id = c.org_id AND m.conversation_id = c.id AND m.direction = ${direction} AND m.author_kind <> 'system'${extra})`;
  const firstIn = messageAt("inbound", "MIN");
  const perConversation = sql`
    SELECT ${time.bucketIndex(sql`c.created_at`, range.originMs, range.bucketMs)} AS bucket,
      c.channel_kind AS channel,
      COALESCE((SELECT d.category FROM drafts d WHERE d.org_id = c.org_id AND d.conversation_id = c.id
        ORDER BY d.created_at, d.id LIMIT 1), ${UNCATEGORIZED}) AS category,
      c.closed_at AS closed_at,
      CASE WHEN c.tags LIKE ${'%"deflected"%'} THEN 1 ELSE 0 END AS self_served,
      ${firstIn} AS first_in,
      ${messageAt("outbound", "MIN", sql` AND m.created_at >= ${firstIn}`)} AS first_out,
      ${messageAt("inbound", "MAX")} AS last_in,
      ${messageAt("outbound", "MAX")} AS last_out,
      (SELECT COUNT(*) FROM messages m WHERE m.org_id = c.org_id AND m.conversation_id = c.id
        AND m.direction = 'outbound' AND m.author_kind NOT IN ('bot', 'system')) AS human_replies,
      (SELECT COUNT(*) FROM drafts d JOIN draft_outcomes o ON o.org_id = d.org_id AND o.draft_id = d.id
        WHERE d.org_id = c.org_id AND d.conversation_id = c.id AND d.status = 'sent'
        AND o.outcome IN ('edited', 'rewritten')) AS changed_drafts
    FROM conversations c
    WHERE c.org_id = ${orgId} AND c.created_at >= ${time.at(range.startMs)} AND c.created_at < ${time.at(range.endMs)}
      ${appId ? sql`AND c.app_id = ${appId}` : sql``}`;
  const quietSince = time.at(now.getTime() - RESOLUTION_QUIET_HOURS * 3_600_000);
  const withResolution = sql`
    SELECT bucket, channel, category, first_in, first_out, human_replies, changed_drafts, self_served,
      CASE WHEN first_in IS NULL THEN NULL
        WHEN closed_at IS NOT NULL THEN closed_at
        WHEN last_out IS NOT NULL AND (last_in IS NULL OR last_out >= last_in) AND last_out <= ${quietSince} THEN last_out
      END AS resolved_at
    FROM (${perConversation}) per_conversation`;
  const n = (expression: SQL) => sql<number>`${expression}`.mapWith(Number);
  const rows = await database.db.q
    .select({
      bucket: n(sql`bucket`),
      channel: sql<string>`channel`,
      category: sql<string>`category`,
      conversations: n(sql`COUNT(*)`),
      responded: n(sql`COUNT(first_out)`),
      firstResponseMs: n(sql`COALESCE(SUM(${time.msBetween(sql`first_in`, sql`first_out`)}), 0)`),
      resolved: n(sql`COUNT(resolved_at)`),
      resolutionMs: n(sql`COALESCE(SUM(${time.msBetween(sql`first_in`, sql`resolved_at`)}), 0)`),
      deflected: n(
        sql`SUM(CASE WHEN (first_out IS NOT NULL AND human_replies = 0 AND changed_drafts = 0) OR self_served = 1 THEN 1 ELSE 0 END)`,
      ),
      selfServed: n(sql`SUM(CASE WHEN first_out IS NULL AND self_served = 1 THEN 1 ELSE 0 END)`),
    })
    .from(sql`(${withResolution}) facts`)
    .groupBy(sql`bucket, channel, category`);
  return rows;
}
