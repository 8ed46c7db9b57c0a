import { and, asc, eq } from "drizzle-orm";
import type { Db } from "./client.js";
import { newId } from "./ids.js";
import type { leads, shopSettings } from "./schema/sqlite.js";

export type ShopSettingsRow = typeof shopSettings.$inferSelect;
export type LeadRow = typeof leads.$inferSelect;
export type LeadFields = Pick<LeadRow, "stage" | "valueMinor" | "currency" | "owner" | "notes" | "quoteId">;

export async function getShopSettingsRow(db: Db, orgId: string, appId: string): Promise<ShopSettingsRow | undefined> {
  const t = db.t.shopSettings;
  const rows = await db.q
    .select()
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.appId, appId)))
    .limit(1);
  return rows[0];
}

/** Writes the app's settings whole: inserted the first time, replaced after. */
export async function putShopSettingsRow(db: Db, orgId: string, appId: string, settings: unknown): Promise<void> {
  const t = db.t.shopSettings;
  const now = new Date();
  const existing = await getShopSettingsRow(db, orgId, appId);
  if (existing) {
    await db.q
      .update(t)
      .set({ settings, updatedAt: now })
      .where(and(eq(t.orgId, orgId), eq(t.id, existing.id)));
    return;
  }
  await db.q.insert(t).values({ id: newId("shopSettings"), orgId, appId, settings, createdAt: now, updatedAt: now });
}

export async function getLead(db: Db, orgId: string, id: string): Promise<LeadRow | undefined> {
  const t = db.t.leads;
  const rows = await db.q
    .select()
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.id, id)))
    .limit(1);
  return rows[0];
}

export async function leadForContact(
  db: Db,
  orgId: string,
  appId: string,
  contactId: string,
): Promise<LeadRow | undefined> {
  const t = db.t.leads;
  const rows = await db.q
    .select()
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.appId, appId), eq(t.contactId, contactId)))
    .limit(1);
  return rows[0];
}

export async function insertLead(db: Db, row: Omit<LeadRow, "id" | "createdAt" | "updatedAt">): Promise<LeadRow> {
  const now = new Date();
  const full: LeadRow = { id: newId("lead"), ...row, createdAt: now, updatedAt: now };
  await db.q.insert(db.t.leads).values(full);
  return full;
}

export async function updateLead(db: Db, orgId: string, row: LeadRow, fields: Partial<LeadFields>): Promise<LeadRow> {
  const t = db.t.leads;
  const now = new Date();
  await db.q
    .update(t)
    .set({ ...fields, updatedAt: now })
    .where(and(eq(t.orgId, orgId), eq(t.id, row.id)));
  return { ...row, ...fields, updatedAt: now };
}

/** The app's leads, oldest first, optionally at one stage. */
export async function listLeads(db: Db, orgId: string, appId: string, stage?: string): Promise<LeadRow[]> {
  const t = db.t.leads;
  const where = [eq(t.orgId, orgId), eq(t.appId, appId)];
  if (stage) where.push(eq(t.stage, stage));
  return db.q
    .select()
    .from(t)
    .where(and(...where))
    .orderBy(asc(t.createdAt), asc(t.id));
}
