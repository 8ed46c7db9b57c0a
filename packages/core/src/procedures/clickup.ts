/**
 * ClickUp's task API, as procedures use it: create a task (a subtask with `parent`) in a list,
 * and find one again by the reference written into its description (after a restart between the
 * call and the record of its answer). The token goes in `Authorization` as ClickUp's personal
 * tokens do; requests go through the guarded outbound fetch the caller passes.
 */

export interface ClickUpTarget {
  apiUrl: string;
  token: string;
  listId: string;
  parentTaskId: string | null;
}
export interface ClickUpTask {
  id: string;
  url: string | null;
}

export class ClickUpError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export const DEFAULT_CLICKUP_API_URL = "https://api.clickup.com";
const TIMEOUT_MS = 10_000;

const base = (target: ClickUpTarget) =>
  `${target.apiUrl.replace(/\/+$/, "")}/api/v2/list/${encodeURIComponent(target.listId)}/task`;

async function call(fetcher: typeof fetch, url: string, target: ClickUpTarget, init: RequestInit): Promise<unknown> {
  const response = await fetcher(url, {
    ...init,
    headers: { authorization: target.token, "content-type": "application/json", accept: "application/json" },
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!response.ok) {
    // ClickUp answers {err, ECODE}; only those two travel, never the token or the request.
    const body = (await response.json().catch(() => ({}))) as { err?: unknown; ECODE?: unknown };
    throw new ClickUpError(
      `ClickUp answered ${response.status} ${String(body.ECODE ?? body.err ?? "")}`.trim(),
      response.status,
    );
  }
  return response.json();
}

const asTask = (raw: unknown): ClickUpTask => {
  const task = raw as { id?: unknown; url?: unknown };
  if (typeof task.id !== "string") throw new ClickUpError("ClickUp answered without a task id", 502);
  return { id: task.id, url: typeof task.url === "string" ? task.url : null };
};

export async function createClickUpTask(
  fetcher: typeof fetch,
  target: ClickUpTarget,
  task: { name: string; description: string },
): Promise<ClickUpTask> {
  const body = {
    name: task.name,
    description: task.description,
    ...(target.parentTaskId ? { parent: target.parentTaskId } : {}),
  };
  return asTask(await call(fetcher, base(target), target, { method: "POST", body: JSON.stringify(body) }));
}

/** The list's task (subtasks and closed ones included) whose description carries `reference`. */
export async function findClickUpTask(
  fetcher: typeof fetch,
  target: ClickUpTarget,
  reference: string,
): Promise<ClickUpTask | null> {
  const url = `${base(target)}?subtasks=true&include_closed=true`;
  const listed = (await call(fetcher, url, target, { method: "GET" })) as { tasks?: unknown[] };
  const found = (listed.tasks ?? []).find((t) => {
    const description = (t as { description?: unknown; text_content?: unknown }).description;
    return typeof description === "string" && description.includes(reference);
  });
  return found ? asTask(found) : null;
}
