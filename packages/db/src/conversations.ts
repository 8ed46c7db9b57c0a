import { and, asc, desc, eq, inArray, or, type SQL } from "drizzle-orm";
import type { Db } from "./client.js";
import { newId } from "./ids.js";
import type { contacts, conversations, inboundEvents, messages } from "./schema/sqlite.js";
import { eqIf, findInOrg, getInOrg, pageInOrg, updateInOrg } from "./scoped.js";
import type { Page } from "./tenancy.js";

export type Contact = typeof contacts.$inferSelect;
export type Conversation = typeof conversations.$inferSelect;
export type Message = typeof messages.$inferSelect;
export type InboundEvent = typeof inboundEvents.$inferSelect;

export async function findInboundEvent(
  db: Db,
  appId: string,
  channelKind: string,
  vendorEventId: string,
): Promise<InboundEvent | undefined> {
  const rows = await db.q
    .select()
    .from(db.t.inboundEvents)
    .where(
      and(
        eq(db.t.inboundEvents.appId, appId),
        eq(db.t.inboundEvents.channelKind, channelKind),
        eq(db.t.inboundEvents.vendorEventId, vendorEventId),
      ),
    )
    .limit(1);
  return rows[0];
}

export async function insertInboundEvent(
  db: Db,
  row: Omit<InboundEvent, "id" | "receivedAt"> & { receivedAt?: Date },
): Promise<InboundEvent> {
  const full = { ...row, id: newId("inboundEvent"), receivedAt: row.receivedAt ?? new Date() };
  await db.q.insert(db.t.inboundEvents).values(full);
  return full;
}

/**
 * Contacts are merged within the organization: the same person writing to two apps, or by
 * WhatsApp and by email once both are known, is one contact. External id wins, then email,
 * then phone; missing fields are filled in, present ones never overwritten.
 */
export async function upsertContact(
  db: Db,
  orgId: string,
  appId: string,
  input: { email?: string; phone?: string; name?: string; externalId?: string },
): Promise<Contact> {
  const t = db.t.contacts;
  const keys: SQL[] = [];
  if (input.externalId) keys.push(eq(t.externalId, input.externalId));
  if (input.email) keys.push(eq(t.email, input.email));
  if (input.phone) keys.push(eq(t.phone, input.phone));
  const candidates = keys.length
    ? await db.q
        .select()
        .from(t)
        .where(and(eq(t.orgId, orgId), or(...keys)))
        .orderBy(asc(t.id))
        .limit(10)
    : [];
  const rank = (c: Contact) =>
    c.externalId && c.externalId === input.externalId ? 0 : c.email && c.email === input.email ? 1 : 2;
  const existing = candidates.sort((a, b) => rank(a) - rank(b))[0];
  const now = new Date();
  if (existing) {
    const patch = {
      email: existing.email ?? input.email ?? null,
      phone: existing.phone ?? input.phone ?? null,
      name: existing.name ?? input.name ?? null,
      externalId: existing.externalId ?? input.externalId ?? null,
    };
    const changed = (Object.keys(patch) as (keyof typeof patch)[]).some((k) => patch[k] !== existing[k]);
    if (!changed) return existing;
    await updateInOrg(db, t, orgId, existing.id, { ...patch, updatedAt: now });
    return { ...existing, ...patch, updatedAt: now };
  }
  const row = {
    id: newId("contact"),
    orgId,
    appId,
    email: input.email ?? null,
    phone: input.phone ?? null,
    name: input.name ?? null,
    externalId: input.externalId ?? null,
    createdAt: now,
    updatedAt: now,
  };
  await db.q.insert(t).values(row);
  return row;
}

export async function findConversationByExternalId(
  db: Db,
  orgId: string,
  appId: string,
  channelKind: string,
  externalId: string,
): Promise<Conversation | undefined> {
  const t = db.t.conversations;
  return findInOrg(db, t, orgId, eq(t.appId, appId), eq(t.channelKind, channelKind), eq(t.externalId, externalId));
}

export async function insertConversation(
  db: Db,
  row: Omit<Conversation, "id" | "createdAt" | "updatedAt" | "takenOverBy" | "procedureStatus">,
): Promise<Conversation> {
  const now = new Date();
  const full = {
    ...row,
    takenOverBy: null,
    procedureStatus: null,
    id: newId("conversation"),
    createdAt: now,
    updatedAt: now,
  };
  await db.q.insert(db.t.conversations).values(full);
  return full;
}

export async function updateConversation(
  db: Db,
  orgId: string,
  id: string,
  patch: Partial<
    Pick<
      Conversation,
      "status" | "assignee" | "tags" | "lastMessageAt" | "subject" | "closedAt" | "takenOverBy" | "procedureStatus"
    >
  >,
): Promise<void> {
  await updateInOrg(db, db.t.conversations, orgId, id, { ...patch, updatedAt: new Date() });
}

export async function findMessageByExternalId(
  db: Db,
  orgId: string,
  conversationId: string,
  externalId: string,
): Promise<Message | undefined> {
  const t = db.t.messages;
  return findInOrg(db, t, orgId, eq(t.conversationId, conversationId), eq(t.externalId, externalId));
}

/** The conversation holding any of these email message-ids, for threading replies. */
export async function findConversationByMessageIds(
  db: Db,
  orgId: string,
  appId: string,
  channelKind: string,
  messageIds: string[],
): Promise<Conversation | undefined> {
  if (messageIds.length === 0) return undefined;
  const m = db.t.messages;
  const c = db.t.conversations;
  const rows = await db.q
    .select({ conversation: c })
    .from(m)
    .innerJoin(c, and(eq(c.orgId, m.orgId), eq(c.id, m.conversationId)))
    .where(
      and(
        eq(m.orgId, orgId),
        inArray(m.externalId, messageIds.slice(0, 100)),
        eq(c.appId, appId),
        eq(c.channelKind, channelKind),
      ),
    )
    .orderBy(desc(m.createdAt))
    .limit(1);
  return rows[0]?.conversation;
}

export async function insertMessage(db: Db, row: Omit<Message, "id">): Promise<Message> {
  const full = { ...row, id: newId("message") };
  await db.q.insert(db.t.messages).values(full);
  return full;
}

export interface ConversationFilter {
  appId?: string;
  channelKind?: string;
  status?: string;
  /** Where a procedure left the conversation (awaiting_information, quoted, ...). */
  procedureStatus?: string;
}

/** Most recently created first; the cursor is the last id seen. */
export async function listConversations(
  db: Db,
  orgId: string,
  filter: ConversationFilter,
  page: { limit: number; cursor?: string },
): Promise<Page<Conversation>> {
  const t = db.t.conversations;
  const where = [
    eqIf(t.appId, filter.appId),
    eqIf(t.channelKind, filter.channelKind),
    eqIf(t.status, filter.status),
    eqIf(t.procedureStatus, filter.procedureStatus),
  ];
  return pageInOrg(db, t, orgId, where, page);
}

export async function getConversation(db: Db, orgId: string, id: string): Promise<Conversation | undefined> {
  return getInOrg(db, db.t.conversations, orgId, id);
}

export async function getContact(db: Db, orgId: string, id: string): Promise<Contact | undefined> {
  return getInOrg(db, db.t.contacts, orgId, id);
}

export async function listMessages(db: Db, orgId: string, conversationId: string): Promise<Message[]> {
  const t = db.t.messages;
  return db.q
    .select()
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.conversationId, conversationId)))
    .orderBy(asc(t.createdAt), asc(t.id));
}

export async function listInboundEventsByIds(db: Db, orgId: string, ids: string[]): Promise<InboundEvent[]> {
  if (ids.length === 0) return [];
  return db.q
    .select()
    .from(db.t.inboundEvents)
    .where(and(eq(db.t.inboundEvents.orgId, orgId), inArray(db.t.inboundEvents.id, ids)))
    .orderBy(asc(db.t.inboundEvents.receivedAt));
}

export async function findMessagesByExternalId(db: Db, orgId: string, externalId: string): Promise<Message[]> {
  const t = db.t.messages;
  return db.q
    .select()
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.externalId, externalId)))
    .limit(10);
}
