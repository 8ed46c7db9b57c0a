import { and, count, eq, gte } from "drizzle-orm";
import type { Db } from "./client.js";
import { newId } from "./ids.js";
import type { slackCards, slackConfigs } from "./schema/sqlite.js";

export type SlackConfigRow = typeof slackConfigs.$inferSelect;
export type SlackCardRow = typeof slackCards.$inferSelect;

export async function getSlackConfig(db: Db, orgId: string): Promise<SlackConfigRow | undefined> {
  const rows = await db.q.select().from(db.t.slackConfigs).where(eq(db.t.slackConfigs.orgId, orgId)).limit(1);
  return rows[0];
}

/**
 * Every organization's Slack configuration. Slack posts to one URL for everyone, so the
 * receiver learns the organization by which signing secret verifies the request: like
 * `findAppForWebhook`, a lookup without an org id, used before anything is parsed.
 */
export async function listSlackConfigs(db: Db): Promise<SlackConfigRow[]> {
  return db.q.select().from(db.t.slackConfigs).limit(1000);
}

export async function saveSlackConfig(
  db: Db,
  orgId: string,
  values: Pick<SlackConfigRow, "channelId" | "summaryChannelId" | "appId" | "apiUrl" | "credentialsCiphertext">,
): Promise<SlackConfigRow> {
  const existing = await getSlackConfig(db, orgId);
  const now = new Date();
  if (existing) {
    await db.q
      .update(db.t.slackConfigs)
      .set({ ...values, updatedAt: now })
      .where(and(eq(db.t.slackConfigs.orgId, orgId), eq(db.t.slackConfigs.id, existing.id)));
    return { ...existing, ...values, updatedAt: now };
  }
  const row = { id: newId("slackConfig"), orgId, ...values, createdAt: now, updatedAt: now };
  await db.q.insert(db.t.slackConfigs).values(row);
  return row;
}

export async function getSlackCard(db: Db, orgId: string, draftId: string): Promise<SlackCardRow | undefined> {
  const rows = await db.q
    .select()
    .from(db.t.slackCards)
    .where(and(eq(db.t.slackCards.orgId, orgId), eq(db.t.slackCards.draftId, draftId)))
    .limit(1);
  return rows[0];
}

export async function insertSlackCard(
  db: Db,
  row: Pick<SlackCardRow, "orgId" | "draftId" | "channelId" | "ts" | "shownStatus">,
): Promise<SlackCardRow> {
  const now = new Date();
  const full = { ...row, id: newId("slackCard"), createdAt: now, updatedAt: now };
  await db.q.insert(db.t.slackCards).values(full);
  return full;
}

/** Records the draft status the card now shows. */
export async function setSlackCardShown(db: Db, orgId: string, draftId: string, status: string): Promise<void> {
  await db.q
    .update(db.t.slackCards)
    .set({ shownStatus: status, updatedAt: new Date() })
    .where(and(eq(db.t.slackCards.orgId, orgId), eq(db.t.slackCards.draftId, draftId)));
}

/** The figures of the daily Slack summary: customer messages received and drafts waiting, since a date. */
export async function slackSummaryCounts(db: Db, orgId: string, since: Date) {
  const [received] = await db.q
    .select({ n: count() })
    .from(db.t.messages)
    .where(
      and(eq(db.t.messages.orgId, orgId), eq(db.t.messages.direction, "inbound"), gte(db.t.messages.createdAt, since)),
    );
  const [pending] = await db.q
    .select({ n: count() })
    .from(db.t.drafts)
    .where(and(eq(db.t.drafts.orgId, orgId), eq(db.t.drafts.status, "pending_approval")));
  return { received: Number(received?.n ?? 0), pendingApprovals: Number(pending?.n ?? 0) };
}
