import { and, asc, desc, eq, gt, lt, or } from "drizzle-orm";
import type { Db } from "./client.js";
import { newId } from "./ids.js";
import type { apiKeys, apps, auditLog, organizations } from "./schema/sqlite.js";

/** Data-layer functions for tenants. Every tenant-owned read and write takes the org id. */

export type Organization = typeof organizations.$inferSelect;
export type App = typeof apps.$inferSelect;
export type ApiKey = typeof apiKeys.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;

export interface AppSettings {
  tone: string;
  language: string;
  autonomyTier: "suggest" | "one_click" | "auto_send";
  trustThreshold: number;
  confidenceFloor: number;
  minOutcomes: number;
  neverAutoSend: string[];
  /** Record "would have auto-sent" without sending (on for new apps). */
  shadowMode: boolean;
  bannedPhrases: string[];
  /** Wait for more customer messages before answering a burst. */
  debounceSeconds: number;
  /** A draft waiting longer than this gets a reminder, then escalation. */
  approvalSlaHours: number;
  /** An open draft older than this expires (outcome `expired`). */
  draftExpiryHours: number;
  /** When people work, in the app's timezone; null means always. */
  businessHours: {
    timezone: string;
    weekly: Partial<Record<"mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun", [string, string][]>>;
  } | null;
  /** Tell the customer when their conversation goes to a person (on unless the app turns it off). */
  handoffNotice: boolean;
  /** The app's own out-of-hours words per language; ours when absent. */
  outOfHoursMessage: Partial<Record<"en" | "fr" | "mg", string>> | null;
  /** The app's own signature under every drafted reply; null: "<app>'s support team" in the reply's language. */
  signature: string | null;
  /** A one-click rating under replies to customers (ADR 0133): off, 1 to 5 stars, or thumbs. */
  csat: "off" | "five" | "thumbs";
}

export const DEFAULT_APP_SETTINGS: AppSettings = {
  tone: "friendly",
  language: "en",
  autonomyTier: "suggest",
  trustThreshold: 0.85,
  confidenceFloor: 0.9,
  minOutcomes: 50,
  neverAutoSend: ["angry_customer", "legal", "security"],
  shadowMode: true,
  bannedPhrases: [],
  debounceSeconds: 5,
  approvalSlaHours: 4,
  draftExpiryHours: 72,
  businessHours: null,
  handoffNotice: true,
  outOfHoursMessage: null,
  signature: null,
  csat: "off",
};

/** An app's settings with today's defaults under them, so apps created earlier read complete. */
export function appSettings(app: Pick<App, "settings">): AppSettings {
  return { ...DEFAULT_APP_SETTINGS, ...(app.settings as Partial<AppSettings>) };
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export async function findOrganizationBySlug(db: Db, slug: string): Promise<Organization | undefined> {
  const rows = await db.q.select().from(db.t.organizations).where(eq(db.t.organizations.slug, slug)).limit(1);
  return rows[0];
}

/** Every organization: for operator tooling (`skill doctor`) that checks each tenant's setup. */
export async function listOrganizations(db: Db): Promise<Organization[]> {
  return db.q.select().from(db.t.organizations).orderBy(asc(db.t.organizations.id));
}

export async function createOrganization(db: Db, input: { name: string; slug: string }): Promise<Organization> {
  const row = {
    id: newId("org"),
    name: input.name,
    slug: input.slug,
    logo: null,
    metadata: null,
    createdAt: new Date(),
  };
  await db.q.insert(db.t.organizations).values(row);
  return row;
}

export async function createApp(
  db: Db,
  orgId: string,
  input: { slug: string; name: string; settings?: Partial<AppSettings> },
): Promise<App> {
  const now = new Date();
  const row = {
    id: newId("app"),
    orgId,
    slug: input.slug,
    name: input.name,
    settings: { ...DEFAULT_APP_SETTINGS, ...input.settings },
    createdAt: now,
    updatedAt: now,
  };
  await db.q.insert(db.t.apps).values(row);
  return row;
}

/** `ref` is the app id or its slug; another org's app is simply not found. */
export async function getApp(db: Db, orgId: string, ref: string): Promise<App | undefined> {
  const rows = await db.q
    .select()
    .from(db.t.apps)
    .where(and(eq(db.t.apps.orgId, orgId), or(eq(db.t.apps.id, ref), eq(db.t.apps.slug, ref))))
    .limit(1);
  return rows[0];
}

export async function listApps(db: Db, orgId: string, page: { limit: number; cursor?: string }): Promise<Page<App>> {
  const rows = await db.q
    .select()
    .from(db.t.apps)
    .where(page.cursor ? and(eq(db.t.apps.orgId, orgId), gt(db.t.apps.id, page.cursor)) : eq(db.t.apps.orgId, orgId))
    .orderBy(asc(db.t.apps.id))
    .limit(page.limit + 1);
  return paginate(rows, page.limit);
}

export async function updateApp(
  db: Db,
  orgId: string,
  ref: string,
  patch: { name?: string; settings?: Partial<AppSettings> },
): Promise<App | undefined> {
  const current = await getApp(db, orgId, ref);
  if (!current) return undefined;
  const next = {
    name: patch.name ?? current.name,
    settings: { ...appSettings(current), ...patch.settings },
    updatedAt: new Date(),
  };
  await db.q
    .update(db.t.apps)
    .set(next)
    .where(and(eq(db.t.apps.orgId, orgId), eq(db.t.apps.id, current.id)));
  return { ...current, ...next };
}

export async function insertApiKey(
  db: Db,
  orgId: string,
  input: { name: string; prefix: string; hash: string; role: string },
): Promise<ApiKey> {
  const row = { id: newId("apiKey"), orgId, ...input, lastUsedAt: null, revokedAt: null, createdAt: new Date() };
  await db.q.insert(db.t.apiKeys).values(row);
  return row;
}

/** Lookup by hash is the one query without an org id: it is how the org is learned. */
export async function findActiveApiKeyByHash(db: Db, hash: string): Promise<ApiKey | undefined> {
  const rows = await db.q.select().from(db.t.apiKeys).where(eq(db.t.apiKeys.hash, hash)).limit(1);
  const key = rows[0];
  return key && !key.revokedAt ? key : undefined;
}

/** A user's membership (and so role) in one organization, if any. */
export async function findMember(db: Db, orgId: string, userId: string) {
  const rows = await db.q
    .select()
    .from(db.t.members)
    .where(and(eq(db.t.members.orgId, orgId), eq(db.t.members.userId, userId)))
    .limit(1);
  return rows[0];
}

export async function touchApiKey(db: Db, orgId: string, id: string, at: Date): Promise<void> {
  await db.q
    .update(db.t.apiKeys)
    .set({ lastUsedAt: at })
    .where(and(eq(db.t.apiKeys.orgId, orgId), eq(db.t.apiKeys.id, id)));
}

export async function listApiKeys(db: Db, orgId: string): Promise<ApiKey[]> {
  return db.q.select().from(db.t.apiKeys).where(eq(db.t.apiKeys.orgId, orgId)).orderBy(asc(db.t.apiKeys.id));
}

export async function revokeApiKey(db: Db, orgId: string, id: string): Promise<boolean> {
  const existing = await db.q
    .select()
    .from(db.t.apiKeys)
    .where(and(eq(db.t.apiKeys.orgId, orgId), eq(db.t.apiKeys.id, id)))
    .limit(1);
  if (!existing[0]) return false;
  await db.q
    .update(db.t.apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(db.t.apiKeys.orgId, orgId), eq(db.t.apiKeys.id, id)));
  return true;
}

export async function appendAudit(
  db: Db,
  orgId: string,
  entry: { actor: string; action: string; subject: string; data?: unknown; traceId?: string },
): Promise<void> {
  await db.q.insert(db.t.auditLog).values({
    id: newId("audit"),
    orgId,
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject,
    data: entry.data ?? null,
    traceId: entry.traceId ?? null,
    createdAt: new Date(),
  });
}

/** Newest first; the cursor is the last id seen. */
export async function listAudit(
  db: Db,
  orgId: string,
  page: { limit: number; cursor?: string },
): Promise<Page<AuditEntry>> {
  const rows = await db.q
    .select()
    .from(db.t.auditLog)
    .where(
      page.cursor
        ? and(eq(db.t.auditLog.orgId, orgId), lt(db.t.auditLog.id, page.cursor))
        : eq(db.t.auditLog.orgId, orgId),
    )
    .orderBy(desc(db.t.auditLog.id))
    .limit(page.limit + 1);
  return paginate(rows, page.limit);
}

export function paginate<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  return { data, nextCursor: rows.length > limit && last ? last.id : null };
}
