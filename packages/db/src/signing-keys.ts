import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "./client.js";
import { newId } from "./ids.js";
import type { signingKeys } from "./schema/sqlite.js";

export type SigningKeyRow = typeof signingKeys.$inferSelect;

/** The app's active generic signing keys, newest first. */
export async function listActiveSigningKeys(db: Db, orgId: string, appId: string): Promise<SigningKeyRow[]> {
  const t = db.t.signingKeys;
  return db.q
    .select()
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.appId, appId), eq(t.active, true)))
    .orderBy(desc(t.keyVersion));
}

/** The highest key version the app ever had, active or not (0 when none). */
export async function latestSigningKeyVersion(db: Db, orgId: string, appId: string): Promise<number> {
  const t = db.t.signingKeys;
  const rows = await db.q
    .select({ keyVersion: t.keyVersion })
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.appId, appId)))
    .orderBy(desc(t.keyVersion))
    .limit(1);
  return rows[0]?.keyVersion ?? 0;
}

export async function insertSigningKey(
  db: Db,
  row: { orgId: string; appId: string; secretCiphertext: string; keyVersion: number },
): Promise<SigningKeyRow> {
  const full = { ...row, id: newId("signingKey"), active: true, createdAt: new Date() };
  await db.q.insert(db.t.signingKeys).values(full);
  return full;
}

/** Retires keys: they stop verifying and signing at once (rows are kept for the audit trail). */
export async function deactivateSigningKeys(db: Db, orgId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const t = db.t.signingKeys;
  await db.q
    .update(t)
    .set({ active: false })
    .where(and(eq(t.orgId, orgId), inArray(t.id, ids)));
}
