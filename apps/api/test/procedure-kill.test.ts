import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { changeApp, OPERATOR } from "@support/core";
import { dialects, openSeededProduct } from "@support/product/testing";
import { signPayload } from "@support/sdk/signing";
import { describe, expect, it } from "vitest";
import { startFakeClickUp } from "./fake-clickup.js";

/**
 * The product as a real process, killed with SIGKILL while a procedure run creates its ClickUp
 * subtask: ClickUp has made the task, the product never heard its answer. After a restart the
 * run ends with exactly one subtask, one confirmation to the customer and one team notification
 * and email (ADR 0111, 0112).
 */

const apiDir = resolve(import.meta.dirname, "..");
const main = resolve(import.meta.dirname, "../src/main.ts");
const ADMIN = "studio-admin@example.com";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

/** One process (node with tsx's loader), so SIGKILL hits the server itself and not a wrapper. */
async function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", main], {
    cwd: apiDir,
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: "silent" },
    stdio: "ignore",
  });
  // A machine shared with other suites may be slow to start a process: generous.
  for (let i = 0; i < 1200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error("the server did not start");
}

/** Polls until `probe` answers; generous, since a restarted run waits for its dead lease to expire (30 s). */
async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, ms = 240_000): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

for (const dialect of dialects) {
  if (dialect.skipReason) console.warn(`[skip] procedure SIGKILL on ${dialect.name}: ${dialect.skipReason}`);
  describe.skipIf(Boolean(dialect.skipReason))(`a procedure run killed with SIGKILL on ${dialect.name}`, () => {
    it("creates one ClickUp subtask, confirms once and tells the team once after a kill between ClickUp's answer and its record", {
      timeout: 900_000,
    }, async () => {
      let server: ChildProcess | undefined;
      let killed = false;
      const clickup = await startFakeClickUp("pk_kill_token", {
        beforeAnswer: async (call) => {
          if (killed || call.method !== "POST" || !server) return;
          killed = true;
          const dead = new Promise((r) => server?.once("exit", r));
          server.kill("SIGKILL");
          await dead;
        },
      });
      const seeded = await openSeededProduct(dialect.env, "Kill Studio");
      await changeApp(seeded.runtime.contextFor(seeded.orgId, OPERATOR), seeded.appId, {
        settings: { debounceSeconds: 0 },
      });
      const { config } = seeded.runtime;
      await seeded.runtime.database.close();
      const env: Record<string, string> = {
        ...dialect.env,
        DATA_DIR: config.dataDir,
        ALLOWED_OUTBOUND_NETWORKS: "127.0.0.0/8",
        ...(config.databaseUrl ? { DATABASE_URL: config.databaseUrl } : {}),
      };
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const call = async (path: string, init: { method?: string; body?: unknown } = {}) => {
        const res = await fetch(`${base}${path}`, {
          method: init.method ?? "GET",
          headers: { authorization: `Bearer ${seeded.ownerKey}`, "content-type": "application/json" },
          body: init.body === undefined ? undefined : JSON.stringify(init.body),
        });
        return { status: res.status, body: await res.json() };
      };
      const first = "<k-first@mail.example.com>";
      const email = async (text: string, extra: Record<string, unknown> = {}) => {
        const reply = extra.attachments === undefined;
        const raw = JSON.stringify({
          from: "Eve <eve@example.com>",
          to: "studio@example.com",
          subject: reply ? "Re: Modélisation" : "Modélisation",
          text,
          messageId: reply ? "<k-reply@mail.example.com>" : first,
          ...(reply ? { inReplyTo: first, references: first } : {}),
          ...extra,
        });
        const res = await fetch(`${base}/webhooks/email/${seeded.appId}`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-support-signature": signPayload(raw, [seeded.signingSecret]),
          },
          body: raw,
        });
        expect(res.status).toBe(200);
      };
      type Detail = {
        id: string;
        messages: { direction: string; text: string }[];
        procedureRuns: { state: string; steps: { step: string }[] }[];
      };
      const conversation = async (): Promise<Detail | undefined> => {
        const list = await call("/api/v1/conversations?channel=email&limit=10");
        const id = (list.body.data as { id: string }[])[0]?.id;
        return id ? ((await call(`/api/v1/conversations/${id}`)).body as Detail) : undefined;
      };

      server = await startServer(env, port);
      try {
        const installed = await call(`/api/v1/apps/${seeded.appId}/procedures`, {
          method: "POST",
          body: { template: "3d-intake" },
        });
        expect(installed.status).toBe(201);
        const definition = installed.body.definition;
        for (const step of definition.steps) if (step.kind === "notify") step.email = ADMIN;
        expect(
          (await call(`/api/v1/apps/${seeded.appId}/procedures`, { method: "POST", body: { definition } })).status,
        ).toBe(201);
        const connected = await call(`/api/v1/apps/${seeded.appId}/tasks/clickup`, {
          method: "PUT",
          body: { token: "pk_kill_token", listId: "list7", parentTaskId: "parent3", apiUrl: clickup.url },
        });
        expect(connected.status).toBe(200);

        await email("Bonjour, je voudrais modéliser une chaise de 120x60x45cm, photo jointe.", {
          attachments: [{ filename: "chaise.jpg", contentType: "image/jpeg" }],
        });
        const quoted = await waitFor(async () => {
          const d = await conversation();
          return d?.procedureRuns[0]?.state === "waiting" && d.procedureRuns[0].steps.length >= 5 ? d : undefined;
        }, "the quote");
        expect(quoted.messages.at(-1)?.text).toContain("coûte 1 crédit");

        await email("Parfait, je valide le devis.");
        await waitFor(async () => (killed && server?.signalCode === "SIGKILL" ? true : undefined), "the kill");
        expect(clickup.created()).toHaveLength(1);
      } finally {
        if (!killed) server.kill("SIGKILL");
      }

      server = await startServer(env, port);
      try {
        // The confirmation waits for a person (the default autonomy): approved once it is drafted.
        const draft = await waitFor(async () => {
          const list = await call("/api/v1/drafts?status=pending_approval&limit=10");
          return (list.body.data as { id: string }[])[0];
        }, "the confirmation draft after the restart");
        expect((await call(`/api/v1/drafts/${draft.id}/approve`, { method: "POST", body: {} })).status).toBe(200);
        const done = await waitFor(async () => {
          const d = await conversation();
          return d?.procedureRuns[0]?.state === "finished" ? d : undefined;
        }, "the run to finish after the restart");
        expect(clickup.created()).toHaveLength(1);
        // Each attempt looks the task up by its reference first: the restarted one found it there.
        expect(clickup.calls.map((c) => c.method)).toEqual(["GET", "POST", "GET"]);
        expect(clickup.tasks).toEqual([expect.objectContaining({ parent: "parent3", list: "list7" })]);
        const confirmations = done.messages.filter(
          (m) => m.direction === "outbound" && m.text.includes("votre devis est validé"),
        );
        expect(confirmations).toHaveLength(1);
        const notifications = (await call("/api/v1/notifications")).body.data as {
          kind: string;
          conversationId: string;
        }[];
        expect(notifications.filter((n) => n.kind === "procedure" && n.conversationId === done.id)).toHaveLength(1);
        const mails = (await call("/api/v1/outbox/mails?limit=50")).body.data as { kind: string; recipient: string }[];
        expect(mails.filter((m) => m.kind === "procedure" && m.recipient === ADMIN)).toHaveLength(1);
        const tasks = (await call(`/api/v1/tasks?conversation=${done.id}`)).body.data;
        expect(tasks).toEqual([expect.objectContaining({ provider: "clickup", status: "open", externalId: "cu1" })]);
      } finally {
        server.kill("SIGTERM");
        await clickup.close();
      }
    });
  });
}
