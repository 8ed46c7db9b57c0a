import { createApp, createOrganization, type Db, insertMessage, newId } from "@support/db";

/**
 * History written straight into the tables with chosen timestamps: the services under test
 * read what the pipeline writes, and a test needs last month's rows today.
 */
export const at = (iso: string) => new Date(`${iso}Z`);

export async function tenant(db: Db, name: string) {
  const suffix = Math.random().toString(36).slice(2, 8);
  const org = await createOrganization(db, { name, slug: `${name.toLowerCase()}-${suffix}` });
  const app = await createApp(db, org.id, { slug: "shop", name: "Shop" });
  return { orgId: org.id, appId: app.id };
}

export async function conversation(
  db: Db,
  owner: { orgId: string; appId: string },
  input: { channel: string; createdAt: Date; closedAt?: Date },
) {
  const id = newId("conversation");
  await db.q.insert(db.t.conversations).values({
    id,
    ...owner,
    contactId: newId("contact"),
    channelKind: input.channel,
    externalId: id,
    subject: null,
    status: input.closedAt ? "closed" : "open",
    assignee: null,
    tags: null,
    lastMessageAt: input.createdAt,
    closedAt: input.closedAt ?? null,
    createdAt: input.createdAt,
    updatedAt: input.createdAt,
  });
  return { ...owner, conversationId: id };
}

export async function message(
  db: Db,
  c: { orgId: string; conversationId: string },
  direction: "inbound" | "outbound",
  createdAt: Date,
  authorKind = direction === "inbound" ? "customer" : "bot",
) {
  return insertMessage(db, {
    orgId: c.orgId,
    conversationId: c.conversationId,
    direction,
    authorKind,
    authorName: null,
    kind: "text",
    externalId: newId("message"),
    text: "hello",
    html: null,
    attachments: null,
    metadata: null,
    inboundEventId: null,
    createdAt,
  });
}

export async function draft(
  db: Db,
  c: { orgId: string; appId: string; conversationId: string },
  input: { category: string; status: string; createdAt: Date; decidedBy?: string; outcome?: string },
) {
  const id = newId("draft");
  await db.q.insert(db.t.drafts).values({
    id,
    orgId: c.orgId,
    appId: c.appId,
    conversationId: c.conversationId,
    messageId: newId("message"),
    status: input.status,
    category: input.category,
    text: "draft",
    citations: [],
    triage: {},
    gates: [],
    decision: {},
    usage: [],
    traceId: "trace",
    sentText: null,
    deliveryId: null,
    decidedBy: input.decidedBy ?? null,
    decidedAt: null,
    decidedVia: null,
    reason: null,
    remindedAt: null,
    createdAt: input.createdAt,
    updatedAt: input.createdAt,
  });
  if (input.outcome)
    await outcome(db, c, { draftId: id, category: input.category, outcome: input.outcome, at: input.createdAt });
  return id;
}

export async function outcome(
  db: Db,
  owner: { orgId: string; appId: string },
  input: { draftId?: string; category: string; outcome: string; at: Date },
) {
  await db.q.insert(db.t.draftOutcomes).values({
    id: newId("outcome"),
    orgId: owner.orgId,
    appId: owner.appId,
    draftId: input.draftId ?? newId("draft"),
    category: input.category,
    outcome: input.outcome,
    overlapBp: null,
    wouldAutoSend: false,
    actor: "usr_test",
    surface: "dashboard",
    createdAt: input.at,
  });
}
