import { createHash } from "node:crypto";
import { type HubSpotConnectionInput, hubspotConnectionBody, type TaskConnectionView } from "@support/contract";
import {
  claimTask,
  getContact,
  getConversation,
  getTaskConnection,
  listMessages,
  listTasks,
  type Message,
  putTaskConnection,
  type TaskConnectionRow,
  type TaskRow,
  updateTask,
} from "@support/db";
import { commitChange } from "../service/change.js";
import { requireRole, type ServiceContext } from "../service/context.js";
import { requireApp } from "../tenancy/apps.js";
import { invalidInput } from "./definitions.js";
import {
  createHubSpotNote,
  createHubSpotTicket,
  DEFAULT_HUBSPOT_API_URL,
  DEFAULT_HUBSPOT_PIPELINE,
  DEFAULT_HUBSPOT_STAGE,
  findHubSpotNote,
  findHubSpotTicket,
  type HubSpotTarget,
  hubspotClient,
  upsertHubSpotContact,
} from "./hubspot.js";

/** HubSpot's note body limit is 65,536 characters; the reference line must survive the cut. */
const NOTE_TEXT_MAX = 60_000;

/**
 * A reference HubSpot's search tokenizes as one word (letters and digits only), written into the
 * ticket's content and each note's body, so an attempt that restarts finds what a killed one made.
 */
const referenceToken = (orgId: string, key: string) =>
  `sup${createHash("sha256").update(`${orgId}\u0000${key}`).digest("hex").slice(0, 32)}`;

const targetOf = (ctx: ServiceContext, connection: TaskConnectionRow): HubSpotTarget => ({
  apiUrl: connection.apiUrl,
  token: ctx.ports.secrets.decrypt(connection.tokenCiphertext),
  pipeline: connection.listId,
  stage: connection.parentTaskId ?? DEFAULT_HUBSPOT_STAGE,
});

export interface HubSpotTaskInput {
  appId: string;
  conversationId: string;
  runId: string;
  key: string;
  title: string;
  description: string;
}

/**
 * A procedure's task as a HubSpot ticket: the customer's contact upserted by email, the ticket
 * associated with it, then one note per message of the conversation. Exactly once per key as for
 * ClickUp: the task record is committed `creating` before any call; an attempt that finds the
 * record still `creating` searches the ticket and each note by reference before creating it.
 */
export async function createHubSpotProcedureTask(
  ctx: ServiceContext,
  connection: TaskConnectionRow,
  input: HubSpotTaskInput,
): Promise<TaskRow> {
  const ticketToken = referenceToken(ctx.org.id, input.key);
  const description = `${input.description}\n\nRef: ${ticketToken}`;
  const { task, claimed } = await claimTask(ctx.db, {
    orgId: ctx.org.id,
    appId: input.appId,
    conversationId: input.conversationId,
    runId: input.runId,
    idempotencyKey: input.key,
    title: input.title,
    provider: "hubspot",
    description,
    status: "creating",
  });
  if (task.status !== "creating") return task;
  const target = targetOf(ctx, connection);
  const client = await hubspotClient(target, ctx.ports.outbound.resolveHost);
  const conversation = await getConversation(ctx.db, ctx.org.id, input.conversationId);
  const contact = conversation?.contactId ? await getContact(ctx.db, ctx.org.id, conversation.contactId) : undefined;
  const contactEmail = contact?.email ?? null;
  const hubspotContact = contactEmail
    ? await upsertHubSpotContact(client, { email: contactEmail, name: contact?.name ?? null })
    : null;
  // A fresh claim means no earlier attempt called HubSpot: nothing to look for.
  const ticket =
    (!claimed && (await findHubSpotTicket(client, ticketToken))) ||
    (await createHubSpotTicket(client, target, {
      subject: input.title,
      content: description,
      contactId: hubspotContact?.id ?? null,
    }));
  for (const message of await listMessages(ctx.db, ctx.org.id, input.conversationId)) {
    const note = noteOf(ctx.org.id, input.key, message);
    if (!claimed && (await findHubSpotNote(client, note.token))) continue;
    await createHubSpotNote(client, {
      body: note.body,
      at: message.createdAt,
      ticketId: ticket.id,
      contactId: hubspotContact?.id ?? null,
    });
  }
  return commitChange(ctx, async (tx, log) => {
    await updateTask(tx, ctx.org.id, task.id, { status: "open", externalId: ticket.id });
    await log.audit({
      action: "task.created",
      subject: task.id,
      data: { provider: "hubspot", externalId: ticket.id, contact: hubspotContact?.id ?? null },
    });
    return { ...task, status: "open", externalId: ticket.id };
  });
}

/** A message as a note: who wrote it, its text, and the reference that finds the note again. */
function noteOf(orgId: string, taskKey: string, message: Message) {
  const token = referenceToken(orgId, `${taskKey}\u0000${message.id}`);
  const author = message.authorName ?? message.authorKind;
  return { token, body: `${author} (${message.direction}): ${message.text.slice(0, NOTE_TEXT_MAX)}\n\nRef: ${token}` };
}

/**
 * A message received after a conversation's HubSpot ticket was made becomes one more note on it.
 * The note's reference is the one ticket creation would give it, and it is searched before any
 * note is made, so a message noted at creation, or by an earlier delivery, is not noted twice.
 */
export async function noteMessageOnHubSpotTickets(
  ctx: ServiceContext,
  input: { appId: string; conversationId: string; messageId: string },
): Promise<number> {
  const connection = await getTaskConnection(ctx.db, ctx.org.id, input.appId);
  if (connection?.provider !== "hubspot") return 0;
  const tasks = (
    await listTasks(ctx.db, ctx.org.id, { conversationId: input.conversationId, status: "open" }, { limit: 20 })
  ).data.filter((task) => task.provider === "hubspot" && task.externalId);
  if (tasks.length === 0) return 0;
  const message = (await listMessages(ctx.db, ctx.org.id, input.conversationId)).find((m) => m.id === input.messageId);
  if (!message) return 0;
  const target = targetOf(ctx, connection);
  const client = await hubspotClient(target, ctx.ports.outbound.resolveHost);
  let made = 0;
  for (const task of tasks) {
    const note = noteOf(ctx.org.id, task.idempotencyKey, message);
    if (await findHubSpotNote(client, note.token)) continue;
    await createHubSpotNote(client, {
      body: note.body,
      at: message.createdAt,
      ticketId: task.externalId as string,
      contactId: null,
    });
    made++;
  }
  return made;
}

export const hubspotConnectionView = (row: TaskConnectionRow): TaskConnectionView => ({
  provider: "hubspot",
  apiUrl: row.apiUrl,
  listId: row.listId,
  parentTaskId: row.parentTaskId,
  updatedAt: row.updatedAt.toISOString(),
});

/** Sends the app's procedure tasks to HubSpot as tickets (admins); the token is stored encrypted. */
export async function connectHubSpot(
  ctx: ServiceContext,
  ref: string,
  input: HubSpotConnectionInput,
): Promise<TaskConnectionView> {
  requireRole(ctx, "admin");
  const parsed = hubspotConnectionBody.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const connection = parsed.data;
  const app = await requireApp(ctx, ref);
  const row = await commitChange(ctx, async (tx, log) => {
    const saved = await putTaskConnection(tx, {
      orgId: ctx.org.id,
      appId: app.id,
      provider: "hubspot",
      apiUrl: connection.apiUrl ?? DEFAULT_HUBSPOT_API_URL,
      listId: connection.pipeline ?? DEFAULT_HUBSPOT_PIPELINE,
      parentTaskId: connection.stage ?? DEFAULT_HUBSPOT_STAGE,
      tokenCiphertext: ctx.ports.secrets.encrypt(connection.token),
    });
    await log.audit({
      action: "tasks.hubspot_connected",
      subject: app.id,
      data: { pipeline: saved.listId, stage: saved.parentTaskId },
    });
    return saved;
  });
  return hubspotConnectionView(row);
}
