import { and, asc, eq } from "drizzle-orm";
import type { Db } from "./client.js";
import { newId } from "./ids.js";
import type { leads, shopSettings } from "./schema/sqlite.js";
import { findInOrg, getInOrg, updateInOrg, upsertInOrg } from "./scoped.js";

export type ShopSettingsRow = typeof shopSettings.$inferSelect;
export type LeadRow = typeof leads.$inferSelect;
export type LeadFields = Pick<LeadRow, "stage" | "valueMinor" | "currency" | "owner" | "notes" | "quoteId">;

export async function getShopSettingsRow(db: Db, orgId: string, appId: string): Promise<ShopSettingsRow | undefined> {
  return findInOrg(db, db.t.shopSettings, orgId, eq(db.t.shopSettings.appId, appId));
}

/** Writes the app's settings whole: inserted the first time, replaced after. */
export async function putShopSettingsRow(db: Db, orgId: string, appId: string, settings: unknown): Promise<void> {
  const t = db.t.shopSettings;
  await upsertInOrg(db, t, orgId, [eq(t.appId, appId)], { settings }, (now) => ({
    id: newId("shopSettings"),
    orgId,
    appId,
    settings,
    createdAt: now,
    updatedAt: now,
  }));
}

export async function getLead(db: Db, orgId: string, id: string): Promise<LeadRow | undefined> {
  return getInOrg(db, db.t.leads, orgId, id);
}

export async function leadForContact(
  db: Db,
  orgId: string,
  appId: string,
  contactId: string,
): Promise<LeadRow | undefined> {
  const t = db.t.leads;
  return findInOrg(db, t, orgId, eq(t.appId, appId), eq(t.contactId, contactId));
}

export async function insertLead(db: Db, row: Omit<LeadRow, "id" | "createdAt" | "updatedAt">): Promise<LeadRow> {
  const now = new Date();
  const full: LeadRow = { id: newId("lead"), ...row, createdAt: now, updatedAt: now };
  await db.q.insert(db.t.leads).values(full);
  return full;
}

export async function updateLead(db: Db, orgId: string, row: LeadRow, fields: Partial<LeadFields>): Promise<LeadRow> {
  const changes = { ...fields, updatedAt: new Date() };
  await updateInOrg(db, db.t.leads, orgId, row.id, changes);
  return { ...row, ...changes };
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
