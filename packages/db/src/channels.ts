import { and, asc, eq } from "drizzle-orm";
import type { Db } from "./client.js";
import { newId } from "./ids.js";
import type { apps, channels } from "./schema/sqlite.js";
import { findInOrg, upsertInOrg } from "./scoped.js";

export type Channel = typeof channels.$inferSelect;

/**
 * Webhook URLs name the app by its id: that id is how an unauthenticated request learns the
 * organization, so this is the one app lookup without an org id.
 */
export async function findAppForWebhook(db: Db, appId: string): Promise<typeof apps.$inferSelect | undefined> {
  const rows = await db.q.select().from(db.t.apps).where(eq(db.t.apps.id, appId)).limit(1);
  return rows[0];
}

export async function getChannel(db: Db, orgId: string, appId: string, kind: string): Promise<Channel | undefined> {
  return findInOrg(db, db.t.channels, orgId, eq(db.t.channels.appId, appId), eq(db.t.channels.kind, kind));
}

export async function listChannels(db: Db, orgId: string, appId: string): Promise<Channel[]> {
  return db.q
    .select()
    .from(db.t.channels)
    .where(and(eq(db.t.channels.orgId, orgId), eq(db.t.channels.appId, appId)))
    .orderBy(asc(db.t.channels.kind));
}

export async function saveChannel(
  db: Db,
  orgId: string,
  appId: string,
  kind: string,
  values: { settings: unknown; credentialsCiphertext: string | null; status: string },
): Promise<Channel> {
  const t = db.t.channels;
  return upsertInOrg(db, t, orgId, [eq(t.appId, appId), eq(t.kind, kind)], values, (now) => ({
    id: newId("channel"),
    orgId,
    appId,
    kind,
    ...values,
    createdAt: now,
    updatedAt: now,
  }));
}

/** The app's active generic signing secrets, still encrypted; several during rotation. */
export async function activeSigningKeys(db: Db, orgId: string, appId: string) {
  return db.q
    .select()
    .from(db.t.signingKeys)
    .where(and(eq(db.t.signingKeys.orgId, orgId), eq(db.t.signingKeys.appId, appId), eq(db.t.signingKeys.active, true)))
    .orderBy(asc(db.t.signingKeys.keyVersion));
}
