import {
  type ClickUpConnectionInput,
  clickupConnectionBody,
  type Page,
  type TaskConnectionView,
  type TasksQuery,
  type TaskView,
} from "@support/contract";
import {
  claimTask,
  deleteTaskConnection,
  getTask,
  getTaskConnection,
  listTasks,
  putTaskConnection,
  type TaskConnectionRow,
  type TaskRow,
  updateTask,
} from "@support/db";
import { commitChange } from "../service/change.js";
import { requireRole, type ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import { requireApp } from "../tenancy/apps.js";
import { createClickUpTask, DEFAULT_CLICKUP_API_URL, findClickUpTask } from "./clickup.js";
import { invalidInput } from "./definitions.js";
import { createHubSpotProcedureTask, hubspotConnectionView } from "./hubspot-tasks.js";
import { publicTask } from "./run-views.js";

/**
 * Tasks a procedure creates: in the product's own task list by default, in ClickUp when the app
 * connected it. Exactly once per idempotency key: the record is committed before ClickUp is
 * called; an attempt that finds a record still `creating` (the process died after the call)
 * looks the task up by the reference in its description before creating anything.
 */
export async function createProcedureTask(
  ctx: ServiceContext,
  input: { appId: string; conversationId: string; runId: string; key: string; title: string; description: string },
): Promise<TaskRow> {
  const connection = await getTaskConnection(ctx.db, ctx.org.id, input.appId);
  if (connection?.provider === "hubspot") return createHubSpotProcedureTask(ctx, connection, input);
  const base = {
    orgId: ctx.org.id,
    appId: input.appId,
    conversationId: input.conversationId,
    runId: input.runId,
    idempotencyKey: input.key,
    title: input.title,
    provider: connection ? "clickup" : "embedded",
  };
  if (!connection) {
    const { task } = await commitChange(ctx, async (tx, log) => {
      const claim = await claimTask(tx, { ...base, description: input.description, status: "open" });
      if (claim.claimed)
        await log.audit({ action: "task.created", subject: claim.task.id, data: { provider: "embedded" } });
      return claim;
    });
    return task;
  }
  const reference = `Ref: ${input.key}`;
  const description = `${input.description}\n\n${reference}`;
  const { task } = await claimTask(ctx.db, { ...base, description, status: "creating" });
  if (task.status !== "creating") return task;
  const target = {
    apiUrl: connection.apiUrl,
    token: ctx.ports.secrets.decrypt(connection.tokenCiphertext),
    listId: connection.listId,
    parentTaskId: connection.parentTaskId,
  };
  const fetcher = ctx.ports.outbound.fetch;
  const made =
    (await findClickUpTask(fetcher, target, reference)) ??
    (await createClickUpTask(fetcher, target, { name: input.title, description }));
  return commitChange(ctx, async (tx, log) => {
    await updateTask(tx, ctx.org.id, task.id, { status: "open", externalId: made.id, url: made.url });
    await log.audit({
      action: "task.created",
      subject: task.id,
      data: { provider: "clickup", externalId: made.id, url: made.url },
    });
    return { ...task, status: "open", externalId: made.id, url: made.url };
  });
}

/** The organization's tasks, newest first; any member. */
export async function listTaskViews(ctx: ServiceContext, query: TasksQuery): Promise<Page<TaskView>> {
  const appId = query.app ? (await requireApp(ctx, query.app)).id : undefined;
  const page = await listTasks(
    ctx.db,
    ctx.org.id,
    { appId, status: query.status, conversationId: query.conversation },
    { limit: query.limit, cursor: query.cursor },
  );
  return { data: page.data.map(publicTask), nextCursor: page.nextCursor };
}

/** Closes (or reopens) a task of the product's own list; an external tool's tasks are closed there. */
export async function setTaskStatus(ctx: ServiceContext, id: string, status: "open" | "closed"): Promise<TaskView> {
  const task = await getTask(ctx.db, ctx.org.id, id);
  if (!task) throw new AppError("not_found", `task "${id}" not found`);
  if (task.provider !== "embedded") {
    throw new AppError("conflict", `task "${id}" lives in ${task.provider}: close it there`);
  }
  const closedAt = status === "closed" ? new Date() : null;
  await commitChange(ctx, async (tx, log) => {
    await updateTask(tx, ctx.org.id, id, { status, closedAt });
    await log.audit({ action: status === "closed" ? "task.closed" : "task.reopened", subject: id });
  });
  return publicTask({ ...task, status, closedAt });
}

const connectionView = (row: TaskConnectionRow): TaskConnectionView =>
  row.provider === "hubspot" ? hubspotConnectionView(row) : clickupConnectionView(row);
const clickupConnectionView = (row: TaskConnectionRow): TaskConnectionView => ({
  provider: "clickup",
  apiUrl: row.apiUrl,
  listId: row.listId,
  parentTaskId: row.parentTaskId,
  updatedAt: row.updatedAt.toISOString(),
});

/** Sends the app's procedure tasks to a ClickUp list (admins); the token is stored encrypted. */
export async function connectClickUp(
  ctx: ServiceContext,
  ref: string,
  input: ClickUpConnectionInput,
): Promise<TaskConnectionView> {
  requireRole(ctx, "admin");
  const parsed = clickupConnectionBody.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const connection = parsed.data;
  const app = await requireApp(ctx, ref);
  const row = await commitChange(ctx, async (tx, log) => {
    const saved = await putTaskConnection(tx, {
      orgId: ctx.org.id,
      appId: app.id,
      provider: "clickup",
      apiUrl: connection.apiUrl ?? DEFAULT_CLICKUP_API_URL,
      listId: connection.listId,
      parentTaskId: connection.parentTaskId ?? null,
      tokenCiphertext: ctx.ports.secrets.encrypt(connection.token),
    });
    await log.audit({
      action: "tasks.clickup_connected",
      subject: app.id,
      data: { listId: connection.listId, parentTaskId: connection.parentTaskId ?? null },
    });
    return saved;
  });
  return connectionView(row);
}

export async function showTaskConnection(ctx: ServiceContext, ref: string): Promise<TaskConnectionView> {
  const app = await requireApp(ctx, ref);
  const row = await getTaskConnection(ctx.db, ctx.org.id, app.id);
  if (!row) throw new AppError("not_found", "no task tool connected: tasks go to the product's own list");
  return connectionView(row);
}

/** Back to the product's own task list (admins). */
export async function disconnectTaskTool(ctx: ServiceContext, ref: string): Promise<void> {
  requireRole(ctx, "admin");
  const app = await requireApp(ctx, ref);
  await commitChange(ctx, async (tx, log) => {
    await deleteTaskConnection(tx, ctx.org.id, app.id);
    await log.audit({ action: "tasks.disconnected", subject: app.id });
  });
}
