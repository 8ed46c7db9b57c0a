import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "./client.js";
import { newId } from "./ids.js";
import type { notifications } from "./schema/sqlite.js";

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = Pick<
  NotificationRow,
  "orgId" | "appId" | "kind" | "key" | "draftId" | "conversationId" | "reason"
>;

export async function findNotificationByKey(db: Db, orgId: string, key: string): Promise<NotificationRow | undefined> {
  const rows = await db.q
    .select()
    .from(db.t.notifications)
    .where(and(eq(db.t.notifications.orgId, orgId), eq(db.t.notifications.key, key)))
    .limit(1);
  return rows[0];
}

export async function getNotification(db: Db, orgId: string, id: string): Promise<NotificationRow | undefined> {
  const rows = await db.q
    .select()
    .from(db.t.notifications)
    .where(and(eq(db.t.notifications.orgId, orgId), eq(db.t.notifications.id, id)))
    .limit(1);
  return rows[0];
}

/** Stores a notification once per key: a second claim returns the stored row with `created: false`. */
export async function claimNotification(
  db: Db,
  input: NewNotification,
): Promise<{ notification: NotificationRow; created: boolean }> {
  const existing = await findNotificationByKey(db, input.orgId, input.key);
  if (existing) return { notification: existing, created: false };
  const now = new Date();
  const row: NotificationRow = {
    id: newId("notification"),
    ...input,
    slackChannelId: null,
    slackTs: null,
    dismissedBy: null,
    dismissedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  await db.q.insert(db.t.notifications).values(row);
  return { notification: row, created: true };
}

/** Records the Slack message a notification became, so a retry does not post it again. */
export async function markNotificationPosted(
  db: Db,
  orgId: string,
  id: string,
  slack: { channel: string; ts: string },
): Promise<void> {
  await db.q
    .update(db.t.notifications)
    .set({ slackChannelId: slack.channel, slackTs: slack.ts, updatedAt: new Date() })
    .where(and(eq(db.t.notifications.orgId, orgId), eq(db.t.notifications.id, id)));
}

/** The notifications of the given kinds nobody dismissed yet, newest first. */
export async function listOpenNotifications(
  db: Db,
  orgId: string,
  options: { kinds: string[]; limit: number },
): Promise<NotificationRow[]> {
  return db.q
    .select()
    .from(db.t.notifications)
    .where(
      and(
        eq(db.t.notifications.orgId, orgId),
        isNull(db.t.notifications.dismissedAt),
        inArray(db.t.notifications.kind, options.kinds),
      ),
    )
    .orderBy(desc(db.t.notifications.createdAt), desc(db.t.notifications.id))
    .limit(options.limit);
}

/**
 * Marks a notification as seen to. Returns the row and whether this call dismissed it (false
 * when someone already had: the first dismissal is kept).
 */
export async function dismissNotification(
  db: Db,
  orgId: string,
  id: string,
  actor: string,
): Promise<{ notification: NotificationRow | undefined; changed: boolean }> {
  const now = new Date();
  await db.q
    .update(db.t.notifications)
    .set({ dismissedBy: actor, dismissedAt: now, updatedAt: now })
    .where(
      and(eq(db.t.notifications.orgId, orgId), eq(db.t.notifications.id, id), isNull(db.t.notifications.dismissedAt)),
    );
  const after = await getNotification(db, orgId, id);
  return {
    notification: after,
    changed: after?.dismissedAt?.getTime() === now.getTime() && after.dismissedBy === actor,
  };
}
