import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** What the fake ClickUp received: each task creation, with its auth header and body. */
export interface ClickUpCall {
  method: string;
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown> | null;
}

/**
 * A fake ClickUp on 127.0.0.1 speaking its v2 task API: `POST /api/v2/list/{list_id}/task`
 * creates a task (`parent` makes it a subtask) and answers `{id, url, ...}`; `GET` on the same
 * path lists the list's tasks as `{tasks: [...]}`. Requests without the expected token get 401
 * with ClickUp's `{err, ECODE}` body. `beforeAnswer` runs once a task is stored and before its answer
 * leaves (a test kills the product there: ClickUp made the task, the product never heard).
 */
export async function startFakeClickUp(
  token: string,
  options: { beforeAnswer?: (call: ClickUpCall) => Promise<void> } = {},
) {
  const calls: ClickUpCall[] = [];
  const tasks: { id: string; name: string; description: string; parent: string | null; url: string; list: string }[] =
    [];
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => {
      raw += chunk;
    });
    req.on("end", async () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
      const call = { method: req.method ?? "", path: url.pathname, authorization: req.headers.authorization, body };
      calls.push(call);
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(payload));
      };
      if (req.headers.authorization !== token) return send(401, { err: "Token invalid", ECODE: "OAUTH_025" });
      const match = /^\/api\/v2\/list\/([^/]+)\/task$/.exec(url.pathname);
      if (!match) return send(404, { err: "Route not found", ECODE: "APP_001" });
      const list = decodeURIComponent(match[1] as string);
      if (req.method === "GET") return send(200, { tasks: tasks.filter((t) => t.list === list) });
      const id = `cu${tasks.length + 1}`;
      const task = {
        id,
        name: String(body?.name ?? ""),
        description: String(body?.description ?? ""),
        parent: typeof body?.parent === "string" ? body.parent : null,
        url: `https://app.clickup.com/t/${id}`,
        list,
      };
      tasks.push(task);
      await options.beforeAnswer?.(call);
      return send(200, task);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    tasks,
    created: () => calls.filter((c) => c.method === "POST"),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
