import { and, desc, eq, lt } from "drizzle-orm";
import type { Db } from "./client.js";
import { newId } from "./ids.js";
import type { platformMails } from "./schema/sqlite.js";

export type PlatformMailRow = typeof platformMails.$inferSelect;
export type NewPlatformMail = Pick<PlatformMailRow, "orgId" | "kind" | "recipient" | "subject" | "text">;

/** Records an email in the embedded mailbox. */
export async function insertPlatformMail(db: Db, input: NewPlatformMail): Promise<PlatformMailRow> {
  const row: PlatformMailRow = { id: newId("platformMail"), ...input, createdAt: new Date() };
  await db.q.insert(db.t.platformMails).values(row);
  return row;
}

/** An organization's mails, newest first; `before` is the cursor (an id). */
export async function listOrgMails(
  db: Db,
  orgId: string,
  options: { limit: number; before?: string },
): Promise<PlatformMailRow[]> {
  const t = db.t.platformMails;
  return db.q
    .select()
    .from(t)
    .where(options.before ? and(eq(t.orgId, orgId), lt(t.id, options.before)) : eq(t.orgId, orgId))
    .orderBy(desc(t.id))
    .limit(options.limit);
}

/** The mails sent to one address, newest first (the operator's view of the embedded mailbox). */
export async function listMailsTo(db: Db, recipient: string, limit: number): Promise<PlatformMailRow[]> {
  const t = db.t.platformMails;
  return db.q.select().from(t).where(eq(t.recipient, recipient)).orderBy(desc(t.id)).limit(limit);
}

/**
 * The whole embedded mailbox, newest first, optionally for one address: the operator's view
 * (`skill mail`), who holds the data folder. Never behind an HTTP route.
 */
export async function listAllMails(db: Db, options: { limit: number; to?: string }): Promise<PlatformMailRow[]> {
  const t = db.t.platformMails;
  const query = db.q.select().from(t);
  return (options.to ? query.where(eq(t.recipient, options.to.toLowerCase())) : query)
    .orderBy(desc(t.id))
    .limit(options.limit);
}

export async function getPlatformMail(db: Db, id: string): Promise<PlatformMailRow | undefined> {
  const rows = await db.q.select().from(db.t.platformMails).where(eq(db.t.platformMails.id, id)).limit(1);
  return rows[0];
}
