import { and, eq, gte, lt } from "drizzle-orm";
import type { Db } from "./client.js";

/** What the shop's metrics are computed from: one app's rows created in [from, to). */
export interface ShopMetricRows {
  conversations: { id: string }[];
  messages: { conversationId: string; direction: string; authorKind: string; createdAt: Date }[];
  drafts: { status: string }[];
  leads: { stage: string; quoteId: string | null }[];
  quotes: { status: string }[];
}

export async function shopMetricRows(
  db: Db,
  orgId: string,
  appId: string,
  range: { from: Date; to: Date },
): Promise<ShopMetricRows> {
  const { conversations: c, messages: m, drafts: d, leads: l, quotes: q } = db.t;
  const inRange = (column: typeof c.createdAt) => and(gte(column, range.from), lt(column, range.to));
  const started = and(eq(c.orgId, orgId), eq(c.appId, appId), inRange(c.createdAt));
  // One after the other: the handle may be a transaction, which runs one statement at a time.
  const conversations = await db.q.select({ id: c.id }).from(c).where(started);
  const messages = await db.q
    .select({
      conversationId: m.conversationId,
      direction: m.direction,
      authorKind: m.authorKind,
      createdAt: m.createdAt,
    })
    .from(m)
    .innerJoin(c, and(eq(c.orgId, m.orgId), eq(c.id, m.conversationId)))
    .where(and(eq(m.orgId, orgId), started));
  const drafts = await db.q
    .select({ status: d.status })
    .from(d)
    .where(and(eq(d.orgId, orgId), eq(d.appId, appId), inRange(d.createdAt)));
  const leads = await db.q
    .select({ stage: l.stage, quoteId: l.quoteId })
    .from(l)
    .where(and(eq(l.orgId, orgId), eq(l.appId, appId), inRange(l.createdAt)));
  const quotes = await db.q
    .select({ status: q.status })
    .from(q)
    .where(and(eq(q.orgId, orgId), eq(q.appId, appId), inRange(q.createdAt)));
  return { conversations, messages, drafts, leads, quotes };
}
