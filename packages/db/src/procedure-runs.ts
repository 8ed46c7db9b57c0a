import { and, desc, eq, inArray, lt } from "drizzle-orm";
import type { Db } from "./client.js";
import { newId } from "./ids.js";
import type { procedureRuns, taskConnections, tasks } from "./schema/sqlite.js";
import { isUniqueViolation } from "./sql-errors.js";
import { type Page, paginate } from "./tenancy.js";

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
  const t = db.t.procedureRuns;
  const rows = await db.q
    .select()
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.triggerMessageId, messageId)))
    .limit(1);
  return rows[0];
}

export async function getProcedureRun(db: Db, orgId: string, id: string): Promise<ProcedureRunRow | undefined> {
  const t = db.t.procedureRuns;
  const rows = await db.q
    .select()
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.id, id)))
    .limit(1);
  return rows[0];
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
  const rows = await db.q
    .select()
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.conversationId, conversationId), inArray(t.state, [...ACTIVE_RUN_STATES])))
    .limit(1);
  return rows[0];
}

export async function updateProcedureRun(
  db: Db,
  orgId: string,
  id: string,
  patch: Partial<Pick<ProcedureRunRow, "state" | "currentStep" | "data" | "results" | "finishedAt">>,
): Promise<void> {
  const t = db.t.procedureRuns;
  await db.q
    .update(t)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(t.orgId, orgId), eq(t.id, id)));
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
  const t = db.t.tasks;
  const rows = await db.q
    .select()
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.idempotencyKey, key)))
    .limit(1);
  return rows[0];
}

export async function getTask(db: Db, orgId: string, id: string): Promise<TaskRow | undefined> {
  const t = db.t.tasks;
  const rows = await db.q
    .select()
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.id, id)))
    .limit(1);
  return rows[0];
}

export async function updateTask(
  db: Db,
  orgId: string,
  id: string,
  patch: Partial<Pick<TaskRow, "status" | "externalId" | "url" | "closedAt">>,
): Promise<void> {
  const t = db.t.tasks;
  await db.q
    .update(t)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(t.orgId, orgId), eq(t.id, id)));
}

/** Newest first; the cursor is the last id seen. */
export async function listTasks(
  db: Db,
  orgId: string,
  filter: { appId?: string; status?: string; conversationId?: string },
  page: { limit: number; cursor?: string },
): Promise<Page<TaskRow>> {
  const t = db.t.tasks;
  const where = [eq(t.orgId, orgId)];
  if (filter.appId) where.push(eq(t.appId, filter.appId));
  if (filter.status) where.push(eq(t.status, filter.status));
  if (filter.conversationId) where.push(eq(t.conversationId, filter.conversationId));
  if (page.cursor) where.push(lt(t.id, page.cursor));
  const rows = await db.q
    .select()
    .from(t)
    .where(and(...where))
    .orderBy(desc(t.id))
    .limit(page.limit + 1);
  return paginate(rows, page.limit);
}

export async function getTaskConnection(db: Db, orgId: string, appId: string): Promise<TaskConnectionRow | undefined> {
  const t = db.t.taskConnections;
  const rows = await db.q
    .select()
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.appId, appId)))
    .limit(1);
  return rows[0];
}

/** Replaces the app's task connection (one per app). */
export async function putTaskConnection(
  db: Db,
  input: Pick<
    TaskConnectionRow,
    "orgId" | "appId" | "provider" | "apiUrl" | "listId" | "parentTaskId" | "tokenCiphertext"
  >,
): Promise<TaskConnectionRow> {
  const now = new Date();
  const existing = await getTaskConnection(db, input.orgId, input.appId);
  const t = db.t.taskConnections;
  if (existing) {
    const changes = { ...input, updatedAt: now };
    await db.q
      .update(t)
      .set(changes)
      .where(and(eq(t.orgId, input.orgId), eq(t.id, existing.id)));
    return { ...existing, ...changes };
  }
  const row: TaskConnectionRow = { id: newId("taskConnection"), ...input, createdAt: now, updatedAt: now };
  await db.q.insert(t).values(row);
  return row;
}

export async function deleteTaskConnection(db: Db, orgId: string, appId: string): Promise<void> {
  const t = db.t.taskConnections;
  await db.q.delete(t).where(and(eq(t.orgId, orgId), eq(t.appId, appId)));
}
