import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import type { Db } from "./client.js";
import { newId } from "./ids.js";
import type { deliveries, sandboxMessages } from "./schema/sqlite.js";
import { type Page, paginate } from "./tenancy.js";

/** Data-layer functions for outbound deliveries and the sandbox outbox. Every one takes the org id. */

export type DeliveryRecord = typeof deliveries.$inferSelect;
export type SandboxMessage = typeof sandboxMessages.$inferSelect;

export const DELIVERY_STATUSES = ["queued", "sent", "delivered", "read", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Progress order of the successful states; vendors may report them out of order. */
const PROGRESS: Record<Exclude<DeliveryStatus, "failed">, number> = { queued: 0, sent: 1, delivered: 2, read: 3 };

export interface NewDelivery {
  appId: string;
  conversationId: string;
  channelKind: string;
  idempotencyKey: string;
  sandbox: boolean;
  /** Kept so a failed delivery can be resent as it was. */
  text?: string | null;
}

export async function findDeliveryByIdempotencyKey(
  db: Db,
  orgId: string,
  idempotencyKey: string,
): Promise<DeliveryRecord | undefined> {
  const rows = await db.q
    .select()
    .from(db.t.deliveries)
    .where(and(eq(db.t.deliveries.orgId, orgId), eq(db.t.deliveries.idempotencyKey, idempotencyKey)))
    .limit(1);
  return rows[0];
}

export async function getDelivery(db: Db, orgId: string, id: string): Promise<DeliveryRecord | undefined> {
  const rows = await db.q
    .select()
    .from(db.t.deliveries)
    .where(and(eq(db.t.deliveries.orgId, orgId), eq(db.t.deliveries.id, id)))
    .limit(1);
  return rows[0];
}

/**
 * Claims the idempotency key with a `queued` row. `created: false` means another call already
 * holds the key (the unique index decides, so two racing callers cannot both win): the caller
 * must return that delivery and not contact the vendor.
 */
export async function claimDelivery(
  db: Db,
  orgId: string,
  input: NewDelivery,
): Promise<{ delivery: DeliveryRecord; created: boolean }> {
  const existing = await findDeliveryByIdempotencyKey(db, orgId, input.idempotencyKey);
  if (existing) return { delivery: existing, created: false };
  const now = new Date();
  const row: DeliveryRecord = {
    id: newId("delivery"),
    orgId,
    ...input,
    text: input.text ?? null,
    status: "queued",
    attempts: 0,
    vendorMessageId: null,
    failureReason: null,
    sentAt: null,
    deliveredAt: null,
    readAt: null,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await db.q.insert(db.t.deliveries).values(row);
    return { delivery: row, created: true };
  } catch (error) {
    const winner = await findDeliveryByIdempotencyKey(db, orgId, input.idempotencyKey);
    if (winner) return { delivery: winner, created: false };
    throw error;
  }
}

/**
 * Records what the channel accepted. `queued` keeps the delivery waiting with the vendor's id (a
 * Front shared draft a teammate has yet to send); a status callback moves it on later.
 */
export async function markDeliveryAccepted(
  db: Db,
  orgId: string,
  id: string,
  result: { status: "sent" | "queued"; vendorMessageId: string | null; attempts: number; at?: Date },
): Promise<DeliveryRecord | undefined> {
  const at = result.at ?? new Date();
  await db.q
    .update(db.t.deliveries)
    .set({
      status: result.status,
      vendorMessageId: result.vendorMessageId,
      attempts: result.attempts,
      sentAt: result.status === "sent" ? at : null,
      updatedAt: at,
    })
    .where(and(eq(db.t.deliveries.orgId, orgId), eq(db.t.deliveries.id, id), eq(db.t.deliveries.status, "queued")));
  return getDelivery(db, orgId, id);
}

export async function markDeliveryFailed(
  db: Db,
  orgId: string,
  id: string,
  result: { reason: string; attempts: number },
): Promise<DeliveryRecord | undefined> {
  await db.q
    .update(db.t.deliveries)
    .set({ status: "failed", failureReason: result.reason, attempts: result.attempts, updatedAt: new Date() })
    .where(and(eq(db.t.deliveries.orgId, orgId), eq(db.t.deliveries.id, id), eq(db.t.deliveries.status, "queued")));
  return getDelivery(db, orgId, id);
}

export interface VendorStatusUpdate {
  channelKind: string;
  vendorMessageId: string;
  status: Exclude<DeliveryStatus, "queued">;
  at: Date;
  reason?: string;
}

/**
 * Applies a vendor status callback (WhatsApp `statuses`, Front `outbound_sent`). Callbacks arrive
 * out of order and more than once, so a state only moves forward: a late `sent` after `read` is
 * ignored, `failed` is final, and a `read` also fills a missing delivery time (read implies
 * delivered). Returns the delivery as stored afterwards, or undefined when no delivery has that id.
 */
export async function applyVendorStatus(
  db: Db,
  orgId: string,
  update: VendorStatusUpdate,
): Promise<DeliveryRecord | undefined> {
  const rows = await db.q
    .select()
    .from(db.t.deliveries)
    .where(
      and(
        eq(db.t.deliveries.orgId, orgId),
        eq(db.t.deliveries.channelKind, update.channelKind),
        eq(db.t.deliveries.vendorMessageId, update.vendorMessageId),
      ),
    )
    .limit(1);
  const current = rows[0];
  if (!current) return undefined;
  const patch = nextState(current, update);
  if (!patch) return current;
  await db.q
    .update(db.t.deliveries)
    .set({ ...patch, updatedAt: new Date() })
    .where(
      and(
        eq(db.t.deliveries.orgId, orgId),
        eq(db.t.deliveries.id, current.id),
        eq(db.t.deliveries.status, current.status),
      ),
    );
  return getDelivery(db, orgId, current.id);
}

function nextState(current: DeliveryRecord, update: VendorStatusUpdate): Partial<DeliveryRecord> | undefined {
  const status = current.status as DeliveryStatus;
  if (status === "failed") return undefined;
  if (update.status === "failed") {
    if (PROGRESS[status] >= PROGRESS.delivered) return undefined;
    return { status: "failed", failureReason: update.reason ?? "reported failed by the vendor" };
  }
  const target = PROGRESS[update.status];
  const patch: Partial<DeliveryRecord> = {};
  if (target > PROGRESS[status]) patch.status = update.status;
  if (target >= PROGRESS.sent && !current.sentAt) patch.sentAt = update.at;
  if (target >= PROGRESS.delivered && !current.deliveredAt) patch.deliveredAt = update.at;
  if (target >= PROGRESS.read && !current.readAt) patch.readAt = update.at;
  return Object.keys(patch).length > 0 ? patch : undefined;
}

/** In creation order, for the conversation view. */
export async function listDeliveriesForConversation(
  db: Db,
  orgId: string,
  conversationId: string,
): Promise<DeliveryRecord[]> {
  return db.q
    .select()
    .from(db.t.deliveries)
    .where(and(eq(db.t.deliveries.orgId, orgId), eq(db.t.deliveries.conversationId, conversationId)))
    .orderBy(db.t.deliveries.createdAt, db.t.deliveries.id);
}

export interface NewSandboxMessage {
  appId: string;
  conversationId: string;
  channelKind: string;
  idempotencyKey: string;
  recipient: string | null;
  subject: string | null;
  text: string;
  html: string | null;
}

/** Idempotent on the key, like a vendor that deduplicates: recording twice keeps one message. */
export async function recordSandboxMessage(db: Db, orgId: string, input: NewSandboxMessage): Promise<SandboxMessage> {
  const existing = await findSandboxMessage(db, orgId, input.idempotencyKey);
  if (existing) return existing;
  const row: SandboxMessage = { id: newId("sandboxMessage"), orgId, ...input, createdAt: new Date() };
  try {
    await db.q.insert(db.t.sandboxMessages).values(row);
    return row;
  } catch (error) {
    const winner = await findSandboxMessage(db, orgId, input.idempotencyKey);
    if (winner) return winner;
    throw error;
  }
}

async function findSandboxMessage(db: Db, orgId: string, idempotencyKey: string) {
  const rows = await db.q
    .select()
    .from(db.t.sandboxMessages)
    .where(and(eq(db.t.sandboxMessages.orgId, orgId), eq(db.t.sandboxMessages.idempotencyKey, idempotencyKey)))
    .limit(1);
  return rows[0];
}

/** The sandbox outbox of one app, newest first; the cursor is the last id seen. */
export async function listSandboxMessages(
  db: Db,
  orgId: string,
  query: { appId: string; channel?: string; cursor?: string; limit: number },
): Promise<Page<SandboxMessage>> {
  const t = db.t.sandboxMessages;
  const conditions: SQL[] = [eq(t.orgId, orgId), eq(t.appId, query.appId)];
  if (query.channel) conditions.push(eq(t.channelKind, query.channel));
  if (query.cursor) conditions.push(lt(t.id, query.cursor));
  const rows = await db.q
    .select()
    .from(t)
    .where(and(...conditions))
    .orderBy(desc(t.id))
    .limit(query.limit + 1);
  return paginate(rows, query.limit);
}
