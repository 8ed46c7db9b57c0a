import {
  collectCustomerData,
  eraseCustomerRows,
  findConversationRuns,
  findCustomerContacts,
  findFilesOf,
  findLearnedSources,
} from "@support/db";
import { deleteCustomerFiles } from "../files/store.js";
import { deleteSource } from "../knowledge/sources.js";
import { commitChange } from "../service/change.js";
import { requireRole, type ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

async function requireCustomer(ctx: ServiceContext, ref: string) {
  const value = ref.trim();
  if (!value || value.length > 320)
    throw new AppError("invalid_input", "name the customer by contact id, email or phone");
  const contacts = await findCustomerContacts(ctx.db, ctx.org.id, value);
  if (contacts.length === 0)
    throw new AppError("not_found", "no customer with that id, email or phone in this organization");
  return contacts;
}

/**
 * Everything the organization holds about a customer (GDPR access), as JSON: their contact rows,
 * conversations with every message, the raw webhook payloads, drafts and their actions, what was
 * sent, and the knowledge learnt from their conversations. Admins only.
 */
export async function exportCustomer(ctx: ServiceContext, ref: string) {
  requireRole(ctx, "admin");
  const contacts = await requireCustomer(ctx, ref);
  const data = await collectCustomerData(
    ctx.db,
    ctx.org.id,
    contacts.map((c) => c.id),
  );
  const learned = await findLearnedSources(
    ctx.db,
    ctx.org.id,
    data.conversations.map((c) => c.id),
  );
  return {
    exportedAt: new Date().toISOString(),
    contacts: data.contacts.map((c) => ({ ...c, createdAt: iso(c.createdAt), updatedAt: iso(c.updatedAt) })),
    conversations: data.conversations.map((conversation) => ({
      ...conversation,
      lastMessageAt: iso(conversation.lastMessageAt),
      closedAt: iso(conversation.closedAt),
      createdAt: iso(conversation.createdAt),
      updatedAt: iso(conversation.updatedAt),
      messages: data.messages
        .filter((m) => m.conversationId === conversation.id)
        .map((m) => ({ ...m, createdAt: iso(m.createdAt) })),
    })),
    inboundEvents: data.inboundEvents.map((e) => ({ ...e, receivedAt: iso(e.receivedAt) })),
    drafts: data.drafts,
    actionExecutions: data.actionExecutions,
    deliveries: data.deliveries,
    sandboxMessages: data.sandboxMessages,
    learnedKnowledge: learned,
    leads: data.leads,
    quotes: data.quotes,
  };
}

export type CustomerExport = Awaited<ReturnType<typeof exportCustomer>>;

/**
 * Erases a customer (GDPR erasure): the knowledge learnt from their conversations (index
 * included), then in one transaction their contacts, conversations, messages, raw payloads,
 * drafts, actions, deliveries, sandbox messages, notifications, leads, quotes and the workflow steps about
 * them, then the files they sent (rows and, unless another message of the organization carries
 * the same bytes, the bytes in the file store). Draft outcomes stay (category and overlap only, no text): trust keeps its history. The
 * audit row names the contact ids and counts, never the erased data. Admins only.
 */
export async function eraseCustomer(ctx: ServiceContext, ref: string) {
  requireRole(ctx, "admin");
  const contacts = await requireCustomer(ctx, ref);
  const contactIds = contacts.map((c) => c.id);
  const data = await collectCustomerData(ctx.db, ctx.org.id, contactIds);
  const conversationIds = data.conversations.map((c) => c.id);
  const learned = await findLearnedSources(ctx.db, ctx.org.id, conversationIds);
  for (const source of learned) await deleteSource(ctx, source.id);
  const runs = await findConversationRuns(ctx.db, ctx.org.id, conversationIds);
  // Their stored files, and widget uploads they never sent (named by the visitor, not a conversation).
  const uploaders = data.conversations.filter((c) => c.channelKind === "widget").map((c) => `widget:${c.externalId}`);
  const files = await findFilesOf(ctx.db, ctx.org.id, conversationIds, uploaders);
  const erased = {
    contacts: contactIds.length,
    conversations: conversationIds.length,
    messages: data.messages.length,
    drafts: data.drafts.length,
    deliveries: data.deliveries.length,
    learnedKnowledge: learned.length,
    workflowRuns: runs.runIds.length,
    files: files.length,
  };
  await commitChange(ctx, async (tx, log) => {
    await eraseCustomerRows(tx, ctx.org.id, data, runs);
    for (const id of contactIds) await log.audit({ action: "contact.erased", subject: id, data: erased });
  });
  // After the rows: the bytes go last, so a failed transaction leaves nothing half-erased.
  await deleteCustomerFiles(ctx, ctx.org.id, files);
  return { erased };
}
