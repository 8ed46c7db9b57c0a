import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "./client.js";
import { newId } from "./ids.js";
import type { procedures, triageConfigs } from "./schema/sqlite.js";
import { findInOrg, getInOrg, upsertInOrg } from "./scoped.js";

export type TriageConfigRow = typeof triageConfigs.$inferSelect;
export type ProcedureRow = typeof procedures.$inferSelect;

export async function getTriageConfig(db: Db, orgId: string, appId: string): Promise<TriageConfigRow | undefined> {
  return findInOrg(db, db.t.triageConfigs, orgId, eq(db.t.triageConfigs.appId, appId));
}

/** Replaces the app's categories, threshold and fallback (one row per app). */
export async function putTriageConfig(
  db: Db,
  input: Pick<TriageConfigRow, "orgId" | "appId" | "categories" | "thresholdPercent" | "fallbackCategory">,
): Promise<TriageConfigRow> {
  const t = db.t.triageConfigs;
  const changes = {
    categories: input.categories,
    thresholdPercent: input.thresholdPercent,
    fallbackCategory: input.fallbackCategory,
  };
  return upsertInOrg(db, t, input.orgId, [eq(t.appId, input.appId)], changes, (now) => ({
    id: newId("triageConfig"),
    ...input,
    createdAt: now,
    updatedAt: now,
  }));
}

export async function deleteTriageConfig(db: Db, orgId: string, appId: string): Promise<void> {
  const t = db.t.triageConfigs;
  await db.q.delete(t).where(and(eq(t.orgId, orgId), eq(t.appId, appId)));
}

/** Every version of every procedure of an app, newest version first within a key. */
export async function listProcedureVersions(db: Db, orgId: string, appId: string): Promise<ProcedureRow[]> {
  const t = db.t.procedures;
  return db.q
    .select()
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.appId, appId)))
    .orderBy(asc(t.key), desc(t.version));
}

export async function latestProcedureVersion(
  db: Db,
  orgId: string,
  appId: string,
  key: string,
): Promise<ProcedureRow | undefined> {
  const t = db.t.procedures;
  const rows = await db.q
    .select()
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.appId, appId), eq(t.key, key)))
    .orderBy(desc(t.version))
    .limit(1);
  return rows[0];
}

/** One stored version by id: a run reads the version it started with, whatever came after. */
export async function getProcedureVersion(db: Db, orgId: string, id: string): Promise<ProcedureRow | undefined> {
  return getInOrg(db, db.t.procedures, orgId, id);
}

export async function insertProcedureVersion(
  db: Db,
  input: Pick<ProcedureRow, "orgId" | "appId" | "key" | "version" | "triggerCategory" | "definition" | "createdBy">,
): Promise<ProcedureRow> {
  const row: ProcedureRow = { id: newId("procedure"), ...input, removedAt: null, createdAt: new Date() };
  await db.q.insert(db.t.procedures).values(row);
  return row;
}

/** Marks a key's versions removed: no new run starts, running ones keep their version. */
export async function markProcedureRemoved(db: Db, orgId: string, appId: string, key: string): Promise<void> {
  const t = db.t.procedures;
  await db.q
    .update(t)
    .set({ removedAt: new Date() })
    .where(and(eq(t.orgId, orgId), eq(t.appId, appId), eq(t.key, key)));
}
