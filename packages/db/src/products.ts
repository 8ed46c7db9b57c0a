import { and, asc, count, desc, eq, inArray, max } from "drizzle-orm";
import type { Db } from "./client.js";
import { newId } from "./ids.js";
import type { products, quotes } from "./schema/sqlite.js";
import { findInOrg, getInOrg, updateInOrg } from "./scoped.js";

export type ProductRow = typeof products.$inferSelect;
export type ProductFields = Omit<ProductRow, "id" | "orgId" | "appId" | "createdAt" | "updatedAt">;

/** The app's products in sku order; a catalogue is read whole to index it for search. */
export async function listProducts(db: Db, orgId: string, appId: string): Promise<ProductRow[]> {
  const t = db.t.products;
  return db.q
    .select()
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.appId, appId)))
    .orderBy(asc(t.sku));
}

export async function getProduct(db: Db, orgId: string, appId: string, id: string): Promise<ProductRow | undefined> {
  const t = db.t.products;
  return findInOrg(db, t, orgId, eq(t.appId, appId), eq(t.id, id));
}

export async function productsBySku(db: Db, orgId: string, appId: string, skus: string[]): Promise<ProductRow[]> {
  if (skus.length === 0) return [];
  const t = db.t.products;
  const out: ProductRow[] = [];
  // Bounded IN lists: MySQL and SQLite both cap the number of bound parameters.
  for (let i = 0; i < skus.length; i += 500) {
    const rows = await db.q
      .select()
      .from(t)
      .where(and(eq(t.orgId, orgId), eq(t.appId, appId), inArray(t.sku, skus.slice(i, i + 500))));
    out.push(...rows);
  }
  return out;
}

export async function insertProduct(db: Db, orgId: string, appId: string, fields: ProductFields): Promise<ProductRow> {
  const now = new Date();
  const row: ProductRow = { id: newId("product"), orgId, appId, ...fields, createdAt: now, updatedAt: now };
  await db.q.insert(db.t.products).values(row);
  return row;
}

export async function updateProduct(
  db: Db,
  orgId: string,
  row: ProductRow,
  fields: Partial<ProductFields>,
): Promise<ProductRow> {
  const changes = { ...fields, updatedAt: new Date() };
  await updateInOrg(db, db.t.products, orgId, row.id, changes);
  return { ...row, ...changes };
}

export async function deleteProduct(db: Db, orgId: string, id: string): Promise<void> {
  const t = db.t.products;
  await db.q.delete(t).where(and(eq(t.orgId, orgId), eq(t.id, id)));
}

export type QuoteRow = typeof quotes.$inferSelect;

/** The app's next quote number: one more than the highest; the unique index catches a race. */
export async function nextQuoteNumber(db: Db, orgId: string, appId: string): Promise<number> {
  const t = db.t.quotes;
  const rows = await db.q
    .select({ n: max(t.number) })
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.appId, appId)));
  return (rows[0]?.n ?? 0) + 1;
}

export async function insertQuote(db: Db, row: Omit<QuoteRow, "id" | "createdAt" | "updatedAt">): Promise<QuoteRow> {
  const now = new Date();
  const full: QuoteRow = { id: newId("quote"), ...row, createdAt: now, updatedAt: now };
  await db.q.insert(db.t.quotes).values(full);
  return full;
}

export async function getQuote(db: Db, orgId: string, id: string): Promise<QuoteRow | undefined> {
  return getInOrg(db, db.t.quotes, orgId, id);
}

export async function listQuotesForConversation(db: Db, orgId: string, conversationId: string): Promise<QuoteRow[]> {
  const t = db.t.quotes;
  return db.q
    .select()
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.conversationId, conversationId)))
    .orderBy(asc(t.number));
}

/** The app's quotes, newest first (the dashboard's list); at most `limit`. */
export async function listQuotesForApp(db: Db, orgId: string, appId: string, limit = 200): Promise<QuoteRow[]> {
  const t = db.t.quotes;
  return db.q
    .select()
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.appId, appId)))
    .orderBy(desc(t.number))
    .limit(limit);
}

/** Moves a quote to another status (approved, sent, accepted). */
export async function setQuoteStatus(db: Db, orgId: string, id: string, status: string): Promise<void> {
  await updateInOrg(db, db.t.quotes, orgId, id, { status, updatedAt: new Date() });
}

/** The quote made from a customer message, if any: a retried step finds it instead of making another. */
export async function quoteForMessage(db: Db, orgId: string, messageId: string): Promise<QuoteRow | undefined> {
  return findInOrg(db, db.t.quotes, orgId, eq(db.t.quotes.messageId, messageId));
}

/**
 * What changes whenever an app's catalogue does: how many products, and the latest change. Any
 * insert, update or delete moves it; a cached search index with the same stamp is current.
 */
export async function catalogueStamp(db: Db, orgId: string, appId: string): Promise<string> {
  const t = db.t.products;
  const rows = await db.q
    .select({ n: count(), latest: max(t.updatedAt) })
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.appId, appId)));
  const latest = rows[0]?.latest;
  return `${rows[0]?.n ?? 0}:${latest instanceof Date ? latest.getTime() : String(latest ?? "")}`;
}
