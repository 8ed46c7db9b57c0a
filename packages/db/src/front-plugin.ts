import { and, desc, eq } from "drizzle-orm";
import type { Db } from "./client.js";
import type { Conversation } from "./conversations.js";
import { newId } from "./ids.js";
import type { frontPluginConfigs } from "./schema/sqlite.js";
import { findInOrg, upsertInOrg } from "./scoped.js";

export type FrontPluginConfigRow = typeof frontPluginConfigs.$inferSelect;

export async function getFrontPluginConfig(db: Db, orgId: string): Promise<FrontPluginConfigRow | undefined> {
  return findInOrg(db, db.t.frontPluginConfigs, orgId);
}

export async function saveFrontPluginConfig(
  db: Db,
  orgId: string,
  values: Pick<FrontPluginConfigRow, "secretCiphertext">,
): Promise<FrontPluginConfigRow> {
  return upsertInOrg(db, db.t.frontPluginConfigs, orgId, [], values, (now) => ({
    id: newId("frontPluginConfig"),
    orgId,
    ...values,
    createdAt: now,
    updatedAt: now,
  }));
}

/** The member of the organization whose account has this email (lowercased, as accounts store it). */
export async function findMemberByEmail(
  db: Db,
  orgId: string,
  email: string,
): Promise<{ userId: string; role: string } | undefined> {
  const { members, users } = db.t;
  const rows = await db.q
    .select({ userId: members.userId, role: members.role })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(and(eq(members.orgId, orgId), eq(users.email, email.toLowerCase())))
    .limit(1);
  return rows[0];
}

/** The organization's members with their accounts' emails: the Front teammates the plugin maps to them. */
export async function listMembersWithEmail(
  db: Db,
  orgId: string,
): Promise<{ userId: string; email: string; role: string }[]> {
  const { members, users } = db.t;
  return db.q
    .select({ userId: members.userId, email: users.email, role: members.role })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(eq(members.orgId, orgId))
    .orderBy(users.email);
}

/**
 * The organization's conversations with this vendor id on a channel, newest first: one per app
 * that receives the vendor's conversation (usually one).
 */
export async function listConversationsByExternalId(
  db: Db,
  orgId: string,
  channelKind: string,
  externalId: string,
): Promise<Conversation[]> {
  const t = db.t.conversations;
  return db.q
    .select()
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.channelKind, channelKind), eq(t.externalId, externalId)))
    .orderBy(desc(t.lastMessageAt))
    .limit(10);
}
