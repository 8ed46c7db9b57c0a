import { and, count, eq, gt, gte } from "drizzle-orm";
import type { Db } from "./client.js";
import { newId } from "./ids.js";
import type { billingAccounts } from "./schema/sqlite.js";
import { isUniqueViolation } from "./sql-errors.js";

export type BillingAccount = typeof billingAccounts.$inferSelect;
export type BillingAccountValues = Partial<Omit<BillingAccount, "orgId" | "createdAt" | "updatedAt">>;

export async function getOrganizationById(db: Db, orgId: string) {
  const rows = await db.q.select().from(db.t.organizations).where(eq(db.t.organizations.id, orgId)).limit(1);
  return rows[0];
}

export async function getBillingAccount(db: Db, orgId: string): Promise<BillingAccount | undefined> {
  const rows = await db.q.select().from(db.t.billingAccounts).where(eq(db.t.billingAccounts.orgId, orgId)).limit(1);
  return rows[0];
}

/**
 * Stripe's webhooks name the customer, not our org: a lookup without an org id, only called
 * after the event's signature is verified.
 */
export async function findBillingAccountByCustomer(db: Db, customerId: string): Promise<BillingAccount | undefined> {
  const t = db.t.billingAccounts;
  const rows = await db.q.select().from(t).where(eq(t.stripeCustomerId, customerId)).limit(1);
  return rows[0];
}

/** Creates the organization's billing row or changes the given fields of it. */
export async function saveBillingAccount(db: Db, orgId: string, values: BillingAccountValues): Promise<BillingAccount> {
  const t = db.t.billingAccounts;
  const now = new Date();
  const existing = await getBillingAccount(db, orgId);
  if (existing) {
    await db.q
      .update(t)
      .set({ ...values, updatedAt: now })
      .where(eq(t.orgId, orgId));
    return { ...existing, ...values, updatedAt: now };
  }
  const row: BillingAccount = {
    orgId,
    stripeCustomerId: null,
    stripeSubscriptionId: null,
    planId: null,
    stripeStatus: null,
    currency: null,
    currentPeriodStart: null,
    currentPeriodEnd: null,
    lastEventAt: null,
    overage: "pause",
    ...values,
    createdAt: now,
    updatedAt: now,
  };
  await db.q.insert(t).values(row);
  return row;
}

/** Records a billing event once: false when its id was already recorded (a redelivery). */
export async function claimBillingEvent(
  db: Db,
  event: { id: string; orgId: string | null; type: string; eventAt: Date },
): Promise<boolean> {
  try {
    await db.q.insert(db.t.billingEvents).values({ ...event, receivedAt: new Date() });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export interface BillingUsage {
  aiDrafts: number;
  seats: number;
  apps: number;
  knowledgePages: number;
  channels: number;
}

/**
 * What the organization uses against each quota: drafts made since the period began; members,
 * apps, knowledge documents and channels as they stand (the tables are the count).
 */
export async function billingUsage(db: Db, orgId: string, periodStart: Date): Promise<BillingUsage> {
  const t = db.t;
  const one = async (query: Promise<{ n: number }[]>) => Number((await query)[0]?.n ?? 0);
  const [aiDrafts, seats, apps, knowledgePages, channels] = await Promise.all([
    one(
      db.q
        .select({ n: count() })
        .from(t.drafts)
        .where(and(eq(t.drafts.orgId, orgId), gte(t.drafts.createdAt, periodStart))),
    ),
    one(db.q.select({ n: count() }).from(t.members).where(eq(t.members.orgId, orgId))),
    one(db.q.select({ n: count() }).from(t.apps).where(eq(t.apps.orgId, orgId))),
    one(db.q.select({ n: count() }).from(t.knowledgeDocuments).where(eq(t.knowledgeDocuments.orgId, orgId))),
    one(db.q.select({ n: count() }).from(t.channels).where(eq(t.channels.orgId, orgId))),
  ]);
  return { aiDrafts, seats, apps, knowledgePages, channels };
}

/** Invitations still open (pending, not expired): each holds a seat until it is accepted or lapses. */
export async function countPendingInvitations(db: Db, orgId: string, now = new Date()): Promise<number> {
  const t = db.t.invitations;
  const rows = await db.q
    .select({ n: count() })
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.status, "pending"), gt(t.expiresAt, now)));
  return rows[0]?.n ?? 0;
}

/**
 * Records that a quota warning was mailed for a period: false when it already was (the unique
 * index decides, so two instances checking at once send one mail).
 */
export async function claimQuotaWarning(
  db: Db,
  input: { orgId: string; quota: string; threshold: number; periodStart: Date },
): Promise<boolean> {
  try {
    await db.q.insert(db.t.quotaWarnings).values({ id: newId("quotaWarning"), ...input, sentAt: new Date() });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
