import { and, desc, eq, gte, inArray, lt } from "drizzle-orm";
import type { Db } from "./client.js";
import { newId } from "./ids.js";
import type { draftOutcomes, drafts } from "./schema/sqlite.js";
import { eqIf, findInOrg, getInOrg, pageInOrg } from "./scoped.js";
import type { Page } from "./tenancy.js";

export type DraftRow = typeof drafts.$inferSelect;
export type DraftOutcomeRow = typeof draftOutcomes.$inferSelect;

/** A draft's values; `attempt` is 0 (the pipeline's draft) unless a person asked for a new one. */
export type NewDraft = Omit<DraftRow, "id" | "createdAt" | "updatedAt" | "attempt"> & { attempt?: number };

export async function insertDraft(db: Db, row: NewDraft): Promise<DraftRow> {
  const now = new Date();
  const full = { ...row, attempt: row.attempt ?? 0, id: newId("draft"), createdAt: now, updatedAt: now };
  await db.q.insert(db.t.drafts).values(full);
  return full;
}

export async function getDraft(db: Db, orgId: string, id: string): Promise<DraftRow | undefined> {
  return getInOrg(db, db.t.drafts, orgId, id);
}

/** The draft of a message: the given attempt's, or the newest one's when none is given. */
export async function findDraftForMessage(
  db: Db,
  orgId: string,
  messageId: string,
  attempt?: number,
): Promise<DraftRow | undefined> {
  const t = db.t.drafts;
  const rows = await db.q
    .select()
    .from(t)
    .where(
      and(eq(t.orgId, orgId), eq(t.messageId, messageId), attempt === undefined ? undefined : eq(t.attempt, attempt)),
    )
    .orderBy(desc(t.attempt))
    .limit(1);
  return rows[0];
}

/** The draft a delivery carried, if any: a resent reply settles the draft that failed. */
export async function findDraftByDelivery(db: Db, orgId: string, deliveryId: string): Promise<DraftRow | undefined> {
  return findInOrg(db, db.t.drafts, orgId, eq(db.t.drafts.deliveryId, deliveryId));
}

export async function listDraftsForConversation(db: Db, orgId: string, conversationId: string): Promise<DraftRow[]> {
  return db.q
    .select()
    .from(db.t.drafts)
    .where(and(eq(db.t.drafts.orgId, orgId), eq(db.t.drafts.conversationId, conversationId)))
    .orderBy(desc(db.t.drafts.id));
}

export async function listDrafts(
  db: Db,
  orgId: string,
  filter: { appId?: string; status?: string; conversationId?: string },
  page: { limit: number; cursor?: string },
): Promise<Page<DraftRow>> {
  const t = db.t.drafts;
  const where = [
    eqIf(t.appId, filter.appId),
    eqIf(t.status, filter.status),
    eqIf(t.conversationId, filter.conversationId),
  ];
  return pageInOrg(db, t, orgId, where, page);
}

/**
 * Moves a draft from `from` to a new state only if it is still in `from`; returns the row as
 * it is afterwards and whether this call made the change (a concurrent decision loses).
 */
export async function transitionDraft(
  db: Db,
  orgId: string,
  id: string,
  from: string[],
  patch: Partial<Omit<DraftRow, "id" | "orgId">> & { status: string },
): Promise<{ draft: DraftRow | undefined; changed: boolean }> {
  const current = await getDraft(db, orgId, id);
  if (!current || !from.includes(current.status)) return { draft: current, changed: false };
  const updatedAt = new Date();
  await db.q
    .update(db.t.drafts)
    .set({ ...patch, updatedAt })
    .where(and(eq(db.t.drafts.orgId, orgId), eq(db.t.drafts.id, id), eq(db.t.drafts.status, current.status)));
  const after = await getDraft(db, orgId, id);
  const changed =
    after !== undefined && after.status === patch.status && after.updatedAt.getTime() === updatedAt.getTime();
  return { draft: after, changed };
}

export async function insertOutcome(db: Db, row: Omit<DraftOutcomeRow, "id" | "createdAt">): Promise<DraftOutcomeRow> {
  const full = { ...row, id: newId("outcome"), createdAt: new Date() };
  await db.q.insert(db.t.draftOutcomes).values(full);
  return full;
}

/** How many of the latest outcomes trust rests on: the decision and the trust history both read this many. */
export const TRUST_OUTCOME_LIMIT = 5000;

/**
 * Outcomes of an app (optionally one category) since and/or before a date, newest first, for
 * trust and the shadow report.
 */
export async function listOutcomes(
  db: Db,
  orgId: string,
  appId: string,
  opts: { category?: string; since?: Date; before?: Date; limit?: number } = {},
): Promise<DraftOutcomeRow[]> {
  const t = db.t.draftOutcomes;
  const where = [eq(t.orgId, orgId), eq(t.appId, appId)];
  if (opts.category) where.push(eq(t.category, opts.category));
  if (opts.since) where.push(gte(t.createdAt, opts.since));
  if (opts.before) where.push(lt(t.createdAt, opts.before));
  return db.q
    .select()
    .from(t)
    .where(and(...where))
    .orderBy(desc(t.createdAt))
    .limit(opts.limit ?? TRUST_OUTCOME_LIMIT);
}

/** Open drafts created before `before`, across organizations: the sweep's work list. */
export async function listOpenDraftsBefore(db: Db, before: Date, limit: number): Promise<DraftRow[]> {
  const t = db.t.drafts;
  return db.q
    .select()
    .from(t)
    .where(and(inArray(t.status, ["pending_approval", "declined"]), lt(t.createdAt, before)))
    .orderBy(t.createdAt)
    .limit(limit);
}
