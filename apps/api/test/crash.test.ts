import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { initProduct } from "@support/core";
import { loadConfig, openProduct } from "@support/product";
import { signPayload } from "@support/sdk/signing";
import { describe, expect, it } from "vitest";

const apiDir = resolve(import.meta.dirname, "..");
const main = resolve(import.meta.dirname, "../src/main.ts");

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

async function startServer(dataDir: string, port: number): Promise<ChildProcess> {
  // One process (node with tsx's loader), so SIGKILL hits the server itself and not a wrapper.
  const child = spawn(process.execPath, ["--import", "tsx", main], {
    cwd: apiDir,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: "silent" },
    stdio: "ignore",
  });
  for (let i = 0; i < 300; i++) {
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

describe("crash safety of inbound webhooks and the pipeline", () => {
  it("after a SIGKILL mid-burst, every acknowledged webhook is stored exactly once and its event is published", {
    timeout: 120_000,
  }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "support-crash-"));
    const setup = await openProduct(loadConfig({ DATA_DIR: dataDir }));
    const init = await initProduct(setup.platform, { name: "Crash Shop" });
    await setup.database.close();
    const appId = init.app.id;
    const secret = init.signingSecret ?? "";
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/webhooks/generic/${appId}`;
    const send = async (id: string) => {
      const body = JSON.stringify({
        type: "message.received",
        id,
        customer: { email: `${id}@example.com` },
        message: { text: `message ${id}` },
      });
      const res = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-support-signature": signPayload(body, [secret]) },
        body,
      });
      return res.status;
    };

    let server = await startServer(dataDir, port);
    const ids = Array.from({ length: 400 }, (_, i) => `burst-${i}`);
    const acknowledged = new Set<string>();
    let killed = false;
    await Promise.all(
      Array.from({ length: 8 }, async (_, worker) => {
        for (let i = worker; i < ids.length; i += 8) {
          const id = ids[i] as string;
          try {
            if ((await send(id)) === 200) acknowledged.add(id);
          } catch {
            // the connection died with the server
          }
          if (!killed && acknowledged.size >= 60) {
            killed = true;
            server.kill("SIGKILL");
          }
        }
      }),
    );
    expect(killed).toBe(true);
    expect(acknowledged.size).toBeGreaterThanOrEqual(60);
    expect(acknowledged.size).toBeLessThan(ids.length);

    server = await startServer(dataDir, port);
    try {
      // Senders retry what was not acknowledged; redeliveries of the rest must be no-ops.
      for (const id of ids) expect(await send(id)).toBe(200);
      const check = await openProduct(loadConfig({ DATA_DIR: dataDir }), { migrate: false });
      try {
        const { db } = check.database;
        let pending = -1;
        for (let i = 0; i < 100 && pending !== 0; i++) {
          const rows = await db.q.select().from(db.t.outbox);
          pending = rows.filter((r) => r.publishedAt === null).length;
          if (pending) await new Promise((r) => setTimeout(r, 100));
        }
        expect(pending).toBe(0);
        const messages = await db.q.select().from(db.t.messages);
        const counts = new Map<string, number>();
        for (const m of messages) counts.set(m.externalId ?? "", (counts.get(m.externalId ?? "") ?? 0) + 1);
        for (const id of ids) expect(counts.get(id), id).toBe(1);
        const events = (await db.q.select().from(db.t.outbox)).filter((e) => e.name === "support/message.received");
        expect(events).toHaveLength(ids.length);
        expect(new Set(events.map((e) => (e.payload as { messageId: string }).messageId)).size).toBe(ids.length);
        // The pipeline consumed every event: one draft per message, none twice.
        let drafts: { messageId: string }[] = [];
        for (let i = 0; i < 300 && drafts.length < ids.length; i++) {
          drafts = await db.q.select().from(db.t.drafts);
          if (drafts.length < ids.length) await new Promise((r) => setTimeout(r, 100));
        }
        expect(drafts).toHaveLength(ids.length);
        expect(new Set(drafts.map((d) => d.messageId)).size).toBe(ids.length);
      } finally {
        await check.database.close();
      }
    } finally {
      server.kill("SIGTERM");
    }
  });
});
