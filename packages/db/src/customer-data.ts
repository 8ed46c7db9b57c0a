import { and, eq, inArray, like, or } from "drizzle-orm";
import type { Db } from "./client.js";

/**
 * Everything held about a customer (GDPR access and erasure): their contact rows in the
 * organization, and through them conversations, messages, raw webhook payloads, drafts and what
 * was sent. Every query is scoped by the org id.
 */
export async function findCustomerContacts(db: Db, orgId: string, ref: string) {
  const t = db.t.contacts;
  const match = ref.includes("@")
    ? or(eq(t.email, ref), eq(t.email, ref.toLowerCase()))
    : ref.startsWith("con_")
      ? eq(t.id, ref)
      : or(eq(t.phone, ref), eq(t.phone, ref.replace(/^\+/, "")), eq(t.externalId, ref));
  return db.q
    .select()
    .from(t)
    .where(and(eq(t.orgId, orgId), match));
}

export async function collectCustomerData(db: Db, orgId: string, contactIds: string[]) {
  const t = db.t;
  const contacts = contactIds.length
    ? await db.q
        .select()
        .from(t.contacts)
        .where(and(eq(t.contacts.orgId, orgId), inArray(t.contacts.id, contactIds)))
    : [];
  const conversations = contactIds.length
    ? await db.q
        .select()
        .from(t.conversations)
        .where(and(eq(t.conversations.orgId, orgId), inArray(t.conversations.contactId, contactIds)))
    : [];
  const ids = conversations.map((c) => c.id);
  const inConversations = <C extends { orgId: unknown; conversationId: unknown }>(table: C) =>
    ids.length
      ? and(eq(table.orgId as never, orgId), inArray(table.conversationId as never, ids))
      : eq(table.orgId as never, "");
  const [messages, drafts, deliveries, sandboxMessages, notifications] = await Promise.all([
    db.q.select().from(t.messages).where(inConversations(t.messages)),
    db.q.select().from(t.drafts).where(inConversations(t.drafts)),
    db.q.select().from(t.deliveries).where(inConversations(t.deliveries)),
    db.q.select().from(t.sandboxMessages).where(inConversations(t.sandboxMessages)),
    db.q.select().from(t.notifications).where(inConversations(t.notifications)),
  ]);
  const eventIds = messages.map((m) => m.inboundEventId).filter((id): id is string => Boolean(id));
  const inboundEvents = eventIds.length
    ? await db.q
        .select()
        .from(t.inboundEvents)
        .where(and(eq(t.inboundEvents.orgId, orgId), inArray(t.inboundEvents.id, eventIds)))
    : [];
  const draftIds = drafts.map((d) => d.id);
  const actionExecutions = draftIds.length
    ? await db.q
        .select()
        .from(t.actionExecutions)
        .where(and(eq(t.actionExecutions.orgId, orgId), inArray(t.actionExecutions.draftId, draftIds)))
    : [];
  // A shop's leads name the contact; its quotes carry the customer's name and phone.
  const leads = contactIds.length
    ? await db.q
        .select()
        .from(t.leads)
        .where(and(eq(t.leads.orgId, orgId), inArray(t.leads.contactId, contactIds)))
    : [];
  const quotes = await db.q.select().from(t.quotes).where(inConversations(t.quotes));
  return {
    contacts,
    conversations,
    messages,
    inboundEvents,
    drafts,
    actionExecutions,
    deliveries,
    sandboxMessages,
    notifications,
    leads,
    quotes,
  };
}

export type CustomerData = Awaited<ReturnType<typeof collectCustomerData>>;

/**
 * The workflow runs about these conversations: their events name the conversation id (events are
 * ids only), and their memoized steps hold what the steps returned (the gathered customer data).
 */
export async function findConversationRuns(db: Db, orgId: string, conversationIds: string[]) {
  const t = db.t;
  const eventIds: string[] = [];
  for (const id of conversationIds) {
    const rows = await db.q
      .select({ id: t.engineEvents.id })
      .from(t.engineEvents)
      .where(and(eq(t.engineEvents.orgId, orgId), like(t.engineEvents.data, `%"${id}"%`)));
    eventIds.push(...rows.map((r) => r.id));
  }
  if (eventIds.length === 0) return { eventIds, runIds: [] as string[] };
  const runs = await db.q
    .select({ id: t.engineRuns.id })
    .from(t.engineRuns)
    .where(and(eq(t.engineRuns.orgId, orgId), inArray(t.engineRuns.eventId, eventIds)));
  return { eventIds, runIds: runs.map((r) => r.id) };
}

/** Deletes what `collectCustomerData` found and those workflow runs, in the caller's transaction. */
export async function eraseCustomerRows(
  db: Db,
  orgId: string,
  data: CustomerData,
  runs: { eventIds: string[]; runIds: string[] },
): Promise<void> {
  const t = db.t;
  const drop = async <T extends { orgId: unknown; id: unknown }>(table: T, ids: string[]) => {
    if (ids.length === 0) return;
    await db.q.delete(table as never).where(and(eq(table.orgId as never, orgId), inArray(table.id as never, ids)));
  };
  const idsOf = (rows: { id: string }[]) => rows.map((r) => r.id);
  await drop(t.actionExecutions, idsOf(data.actionExecutions));
  if (data.drafts.length) {
    await db.q
      .delete(t.slackCards)
      .where(and(eq(t.slackCards.orgId, orgId), inArray(t.slackCards.draftId, idsOf(data.drafts))));
  }
  await drop(t.drafts, idsOf(data.drafts));
  await drop(t.deliveries, idsOf(data.deliveries));
  await drop(t.sandboxMessages, idsOf(data.sandboxMessages));
  await drop(t.notifications, idsOf(data.notifications));
  await drop(t.leads, idsOf(data.leads));
  await drop(t.quotes, idsOf(data.quotes));
  await drop(t.messages, idsOf(data.messages));
  await drop(t.inboundEvents, idsOf(data.inboundEvents));
  await drop(t.conversations, idsOf(data.conversations));
  await drop(t.contacts, idsOf(data.contacts));
  if (runs.runIds.length) {
    await db.q
      .delete(t.engineSteps)
      .where(and(eq(t.engineSteps.orgId, orgId), inArray(t.engineSteps.runId, runs.runIds)));
    await db.q
      .delete(t.engineWaits)
      .where(and(eq(t.engineWaits.orgId, orgId), inArray(t.engineWaits.runId, runs.runIds)));
    await db.q
      .update(t.engineRuns)
      .set({ output: null })
      .where(and(eq(t.engineRuns.orgId, orgId), inArray(t.engineRuns.id, runs.runIds)));
  }
}

/** Knowledge learnt from these conversations (`conversation` sources name theirs in `uri`). */
export async function findLearnedSources(db: Db, orgId: string, conversationIds: string[]) {
  if (conversationIds.length === 0) return [];
  const t = db.t.knowledgeSources;
  return db.q
    .select({ id: t.id, title: t.title, uri: t.uri })
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.kind, "conversation"), inArray(t.uri, conversationIds)));
}
