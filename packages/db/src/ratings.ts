import { and, eq } from "drizzle-orm";
import type { Db } from "./client.js";
import { newId } from "./ids.js";
import type { replyRatings } from "./schema/sqlite.js";
import { isUniqueViolation } from "./sql-errors.js";

export type ReplyRatingRow = typeof replyRatings.$inferSelect;
export type ReplyRatingInput = Omit<ReplyRatingRow, "id" | "createdAt" | "ratedAt">;

export async function findReplyRating(db: Db, orgId: string, replyKey: string): Promise<ReplyRatingRow | undefined> {
  const t = db.t.replyRatings;
  const rows = await db.q
    .select()
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.replyKey, replyKey)))
    .limit(1);
  return rows[0];
}

/**
 * Records a reply's rating, or changes it: one row per (org, reply). Two first clicks racing
 * both try to insert; the loser finds the winner's row through the unique index and updates it.
 */
export async function saveReplyRating(db: Db, input: ReplyRatingInput, now = new Date()): Promise<ReplyRatingRow> {
  const t = db.t.replyRatings;
  const update = async (existing: ReplyRatingRow) => {
    const changes = { score: input.score, scale: input.scale, source: input.source, ratedAt: now };
    await db.q
      .update(t)
      .set(changes)
      .where(and(eq(t.orgId, input.orgId), eq(t.id, existing.id)));
    return { ...existing, ...changes };
  };
  const existing = await findReplyRating(db, input.orgId, input.replyKey);
  if (existing) return update(existing);
  const row: ReplyRatingRow = { id: newId("replyRating"), ...input, createdAt: now, ratedAt: now };
  try {
    await db.q.insert(t).values(row);
    return row;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await findReplyRating(db, input.orgId, input.replyKey);
    if (!winner) throw error;
    return update(winner);
  }
}

/** A conversation's ratings, oldest first (the conversation page shows them by their reply). */
export async function listConversationRatings(
  db: Db,
  orgId: string,
  conversationId: string,
): Promise<ReplyRatingRow[]> {
  const t = db.t.replyRatings;
  return db.q
    .select()
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.conversationId, conversationId)))
    .orderBy(t.createdAt);
}
