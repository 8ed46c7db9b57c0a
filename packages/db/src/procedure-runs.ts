import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "./client.js";
import { newId } from "./ids.js";
import type { procedureRuns, taskConnections, tasks } from "./schema/sqlite.js";
import { eqIf, findInOrg, getInOrg, pageInOrg, updateInOrg, upsertInOrg } from "./scoped.js";
import { isUniqueViolation } from "./sql-errors.js";
import type { Page } from "./tenancy.js";

export type ProcedureRunRow = typeof procedureRuns.$inferSelect;
export type TaskRow = typeof tasks.$inferSelect;
export type TaskConnectionRow = typeof taskConnections.$inferSelect;

/** The states in which a run owns its conversation's customer messages. */
export const ACTIVE_RUN_STATES = ["running", "waiting"] as const;

export type NewProcedureRun = Pick<
  ProcedureRunRow,
  | "orgId"
  | "appId"
  | "conversationId"
  | "procedureId"
  | "procedureKey"
  | "procedureVersion"
  | "triggerMessageId"
  | "data"
>;

/** Starts a run for a message; the existing run when that message already started one. */
export async function insertProcedureRun(
  db: Db,
  input: NewProcedureRun,
): Promise<{ run: ProcedureRunRow; created: boolean }> {
  const now = new Date();
  const row: ProcedureRunRow = {
    id: newId("procedureRun"),
    ...input,
    state: "running",
    currentStep: null,
    results: [],
    createdAt: now,
    updatedAt: now,
    finishedAt: null,
  };
  const existing = await procedureRunForMessage(db, input.orgId, input.triggerMessageId);
  if (existing) return { run: existing, created: false };
  await db.q.insert(db.t.procedureRuns).values(row);
  return { run: row, created: true };
}

export async function procedureRunForMessage(
  db: Db,
  orgId: string,
  messageId: string,
): Promise<ProcedureRunRow | undefined> {
  return findInOrg(db, db.t.procedureRuns, orgId, eq(db.t.procedureRuns.triggerMessageId, messageId));
}

export async function getProcedureRun(db: Db, orgId: string, id: string): Promise<ProcedureRunRow | undefined> {
  return getInOrg(db, db.t.procedureRuns, orgId, id);
}

/** A conversation's runs, newest first. */
export async function procedureRunsOfConversation(
  db: Db,
  orgId: string,
  conversationId: string,
): Promise<ProcedureRunRow[]> {
  const t = db.t.procedureRuns;
  return db.q
    .select()
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.conversationId, conversationId)))
    .orderBy(desc(t.id));
}

/** The run that owns the conversation's customer messages now, if any. */
export async function activeProcedureRun(
  db: Db,
  orgId: string,
  conversationId: string,
): Promise<ProcedureRunRow | undefined> {
  const t = db.t.procedureRuns;
  return findInOrg(db, t, orgId, eq(t.conversationId, conversationId), inArray(t.state, [...ACTIVE_RUN_STATES]));
}

export async function updateProcedureRun(
  db: Db,
  orgId: string,
  id: string,
  patch: Partial<Pick<ProcedureRunRow, "state" | "currentStep" | "data" | "results" | "finishedAt">>,
): Promise<void> {
  await updateInOrg(db, db.t.procedureRuns, orgId, id, { ...patch, updatedAt: new Date() });
}

export type NewTask = Pick<
  TaskRow,
  "orgId" | "appId" | "conversationId" | "runId" | "idempotencyKey" | "title" | "description" | "provider"
>;

/**
 * Claims a task's idempotency key before anything is created: the new row (status `creating`,
 * or `open` for the embedded list), or the row an earlier attempt claimed.
 */
export async function claimTask(
  db: Db,
  input: NewTask & { status: "creating" | "open" },
): Promise<{ task: TaskRow; claimed: boolean }> {
  const existing = await taskByKey(db, input.orgId, input.idempotencyKey);
  if (existing) return { task: existing, claimed: false };
  const now = new Date();
  const row: TaskRow = {
    id: newId("task"),
    ...input,
    externalId: null,
    url: null,
    createdAt: now,
    updatedAt: now,
    closedAt: null,
  };
  try {
    await db.q.insert(db.t.tasks).values(row);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const raced = await taskByKey(db, input.orgId, input.idempotencyKey);
    if (!raced) throw error;
    return { task: raced, claimed: false };
  }
  return { task: row, claimed: true };
}

export async function taskByKey(db: Db, orgId: string, key: string): Promise<TaskRow | undefined> {
  return findInOrg(db, db.t.tasks, orgId, eq(db.t.tasks.idempotencyKey, key));
}

export async function getTask(db: Db, orgId: string, id: string): Promise<TaskRow | undefined> {
  return getInOrg(db, db.t.tasks, orgId, id);
}

export async function updateTask(
  db: Db,
  orgId: string,
  id: string,
  patch: Partial<Pick<TaskRow, "status" | "externalId" | "url" | "closedAt">>,
): Promise<void> {
  await updateInOrg(db, db.t.tasks, orgId, id, { ...patch, updatedAt: new Date() });
}

/** Newest first; the cursor is the last id seen. */
export async function listTasks(
  db: Db,
  orgId: string,
  filter: { appId?: string; status?: string; conversationId?: string },
  page: { limit: number; cursor?: string },
): Promise<Page<TaskRow>> {
  const t = db.t.tasks;
  const where = [
    eqIf(t.appId, filter.appId),
    eqIf(t.status, filter.status),
    eqIf(t.conversationId, filter.conversationId),
  ];
  return pageInOrg(db, t, orgId, where, page);
}

export async function getTaskConnection(db: Db, orgId: string, appId: string): Promise<TaskConnectionRow | undefined> {
  return findInOrg(db, db.t.taskConnections, orgId, eq(db.t.taskConnections.appId, appId));
}

/** Replaces the app's task connection (one per app). */
export async function putTaskConnection(
  db: Db,
  input: Pick<
    TaskConnectionRow,
    "orgId" | "appId" | "provider" | "apiUrl" | "listId" | "parentTaskId" | "tokenCiphertext"
  >,
): Promise<TaskConnectionRow> {
  const t = db.t.taskConnections;
  return upsertInOrg(db, t, input.orgId, [eq(t.appId, input.appId)], input, (now) => ({
    id: newId("taskConnection"),
    ...input,
    createdAt: now,
    updatedAt: now,
  }));
}

export async function deleteTaskConnection(db: Db, orgId: string, appId: string): Promise<void> {
  const t = db.t.taskConnections;
  await db.q.delete(t).where(and(eq(t.orgId, orgId), eq(t.appId, appId)));
}
