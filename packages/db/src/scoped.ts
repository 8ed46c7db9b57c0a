import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "./client.js";
import { type Page, paginate } from "./tenancy.js";

/**
 * The shapes every tenant-owned table repeats: one row found in an organization, a row updated by
 * id, a row kept one per key (an app's settings, an org's plugin), a cursor page newest first.
 * Each query here starts from the organization, so a caller cannot forget it.
 */

/** A table whose rows belong to an organization and have a string id. */
export type TenantTable = SQLiteTable & { orgId: AnySQLiteColumn; id: AnySQLiteColumn };
type RowOf<T extends TenantTable> = T["$inferSelect"];

/** The first row of the organization matching every condition (undefined ones are ignored). */
export async function findInOrg<T extends TenantTable>(
  db: Db,
  table: T,
  orgId: string,
  ...where: (SQL | undefined)[]
): Promise<RowOf<T> | undefined> {
  const rows = await db.q
    .select()
    .from(table as SQLiteTable)
    .where(and(eq(table.orgId, orgId), ...where))
    .limit(1);
  return rows[0] as RowOf<T> | undefined;
}

export async function getInOrg<T extends TenantTable>(
  db: Db,
  table: T,
  orgId: string,
  id: string,
): Promise<RowOf<T> | undefined> {
  return findInOrg(db, table, orgId, eq(table.id, id));
}

/** Writes `changes` to one row of the organization; the caller includes `updatedAt` where the table has it. */
export async function updateInOrg<T extends TenantTable>(
  db: Db,
  table: T,
  orgId: string,
  id: string,
  changes: Partial<T["$inferInsert"]>,
): Promise<void> {
  await db.q
    .update(table as SQLiteTable)
    .set(changes as Record<string, unknown>)
    .where(and(eq(table.orgId, orgId), eq(table.id, id)));
}

/**
 * Keeps one row per key (the `where` conditions within the organization): the existing row with
 * `changes` applied and `updatedAt` moved, or the row `create` makes the first time.
 */
export async function upsertInOrg<T extends TenantTable & { updatedAt: AnySQLiteColumn }>(
  db: Db,
  table: T,
  orgId: string,
  where: SQL[],
  changes: Partial<RowOf<T>>,
  create: (now: Date) => RowOf<T>,
): Promise<RowOf<T>> {
  const existing = await findInOrg(db, table, orgId, ...where);
  const now = new Date();
  if (existing) {
    const next = { ...changes, updatedAt: now };
    await updateInOrg(db, table, orgId, (existing as { id: string }).id, next as Partial<T["$inferInsert"]>);
    return { ...existing, ...next };
  }
  const row = create(now);
  await db.q.insert(table as SQLiteTable).values(row as never);
  return row;
}

/** A page of the organization's rows, newest id first; the cursor is the last id seen. */
export async function pageInOrg<T extends TenantTable>(
  db: Db,
  table: T,
  orgId: string,
  where: (SQL | undefined)[],
  page: { limit: number; cursor?: string },
): Promise<Page<RowOf<T> & { id: string }>> {
  const rows = await db.q
    .select()
    .from(table as SQLiteTable)
    .where(and(eq(table.orgId, orgId), ...where, page.cursor ? lt(table.id, page.cursor) : undefined))
    .orderBy(desc(table.id))
    .limit(page.limit + 1);
  return paginate(rows as (RowOf<T> & { id: string })[], page.limit);
}

/** An equality condition only when the filter has a value: optional filters read as one list. */
export function eqIf(column: AnySQLiteColumn, value: string | undefined): SQL | undefined {
  return value === undefined || value === "" ? undefined : eq(column, value);
}
