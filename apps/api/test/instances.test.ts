import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { changeApp, OPERATOR } from "@support/core";
import { loadConfig, openProduct } from "@support/product";
import { dialects, openSeededProduct } from "@support/product/testing";
import { signPayload } from "@support/sdk/signing";
import { describe, expect, it } from "vitest";

const apiDir = resolve(import.meta.dirname, "..");
const main = resolve(import.meta.dirname, "../src/main.ts");
const mysql = dialects.find((d) => d.name === "mysql");
if (mysql?.skipReason) console.warn(`[skip] several instances on MySQL: ${mysql.skipReason}`);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

interface Instance {
  name: string;
  port: number;
  child: ChildProcess;
  /** Outbox ids this instance's relay published, from its debug log. */
  published: string[];
}

/** One process (node with tsx's loader), so SIGKILL hits the server itself and not a wrapper. */
function spawnInstance(name: string, role: "api" | "worker", env: Record<string, string>, port: number): Instance {
  const child = spawn(process.execPath, ["--import", "tsx", main], {
    cwd: apiDir,
    env: { ...process.env, ...env, ROLE: role, PORT: String(port), LOG_LEVEL: "debug" },
    stdio: ["ignore", "pipe", "ignore"],
  });
  const instance: Instance = { name, port, child, published: [] };
  let pending = "";
  child.stdout?.setEncoding("utf8");
  child.stdout?.on("data", (chunk: string) => {
    pending += chunk;
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      if (!line.includes('"outbox batch published"')) continue;
      instance.published.push(...(JSON.parse(line) as { events: string[] }).events);
    }
  });
  return instance;
}

async function healthy(instance: Instance): Promise<void> {
  // Three processes start at once on a machine that may be busy: generous.
  for (let i = 0; i < 1800; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${instance.port}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    if (instance.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${instance.name} did not start`);
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 250));
    value = await read();
  }
  return value;
}

describe.skipIf(Boolean(mysql?.skipReason))("several instances on MySQL: two API processes and one worker", () => {
  it("after one API instance is SIGKILLed mid-burst, every acknowledged message is stored once, published once, drafted once", {
    timeout: 600_000,
  }, async () => {
    const seeded = await openSeededProduct(mysql?.env ?? {}, "Instances");
    const { orgId, appId, signingSecret } = seeded;
    await changeApp(seeded.runtime.contextFor(orgId, OPERATOR), appId, { settings: { debounceSeconds: 0 } });
    const databaseUrl = seeded.runtime.config.databaseUrl ?? "";
    await seeded.runtime.close();
    const env = {
      ...(mysql?.env ?? {}),
      DATABASE_URL: databaseUrl,
      DATA_DIR: mkdtempSync(join(tmpdir(), "support-instances-")),
    };
    const [portA, portB, portW] = [await freePort(), await freePort(), await freePort()];
    const apiA = spawnInstance("api A", "api", env, portA);
    const apiB = spawnInstance("api B", "api", env, portB);
    const worker = spawnInstance("worker", "worker", env, portW);
    const instances = [apiA, apiB, worker];
    try {
      await Promise.all(instances.map(healthy));
      const send = async (instance: Instance, body: string, signature: string) => {
        const res = await fetch(`http://127.0.0.1:${instance.port}/webhooks/generic/${appId}`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-support-signature": signature },
          body,
        });
        return res.status;
      };
      const bodyOf = (id: string) =>
        JSON.stringify({
          type: "message.received",
          id,
          customer: { email: `${id}@example.com` },
          message: { text: `message ${id}` },
        });

      // Every signed request goes to one API instance, then again to the other (a load balancer
      // retrying elsewhere, or an attacker replaying): once one instance handled a signature, the
      // other refuses it (401) through the shared replay cache. Acknowledged: one of them answered 200.
      const ids = Array.from({ length: 240 }, (_, i) => `multi-${i}`);
      const acknowledged = new Set<string>();
      const replays: { first: number; second: number }[] = [];
      let killed = false;
      await Promise.all(
        Array.from({ length: 6 }, async (_, sender) => {
          for (let i = sender; i < ids.length; i += 6) {
            const id = ids[i] as string;
            const body = bodyOf(id);
            const signature = signPayload(body, [signingSecret]);
            const [one, other] = i % 2 === 0 ? [apiA, apiB] : [apiB, apiA];
            const first = await send(one, body, signature).catch(() => 0);
            const second = await send(other, body, signature).catch(() => 0);
            replays.push({ first, second });
            if (first === 200 || second === 200) acknowledged.add(id);
            if (!killed && acknowledged.size >= 60) {
              killed = true;
              apiA.child.kill("SIGKILL");
            }
          }
        }),
      );
      expect(killed).toBe(true);
      // Requests in flight on the killed instance were lost (answered by the other, or retried below).
      expect(replays.filter((r) => r.first === 0 || r.second === 0).length).toBeGreaterThan(0);
      expect(replays.filter((r) => r.first === 200 && r.second === 401).length).toBeGreaterThan(30);
      expect(replays.filter((r) => r.first === 200 && r.second === 200)).toEqual([]);

      // Senders retry what was not acknowledged, on the surviving instance, with a new signature
      // (a second later, so a retry never repeats the signature of the burst).
      await new Promise((r) => setTimeout(r, 1100));
      for (const id of ids) {
        if (acknowledged.has(id)) continue;
        const body = bodyOf(id);
        expect(await send(apiB, body, signPayload(body, [signingSecret])), id).toBe(200);
      }

      const check = await openProduct(loadConfig(env), { migrate: false });
      try {
        const { db } = check.database;
        const outbox = await until(
          async () => (await db.q.select().from(db.t.outbox)).filter((e) => e.name === "support/message.received"),
          (rows) => rows.length === ids.length && rows.every((row) => row.publishedAt !== null),
          120_000,
        );
        const messages = (await db.q.select().from(db.t.messages)).filter((m) => m.externalId?.startsWith("multi-"));
        const stored = new Map<string, number>();
        for (const m of messages) stored.set(m.externalId ?? "", (stored.get(m.externalId ?? "") ?? 0) + 1);
        for (const id of ids) expect(stored.get(id), `${id} stored`).toBe(1);

        expect(outbox).toHaveLength(ids.length);
        expect(outbox.every((row) => row.publishedAt !== null)).toBe(true);
        // Published once: by the relay of exactly one instance. Only a batch the killed instance
        // published without committing its mark may be published again (consumers de-duplicate
        // by outbox id, ADR 0040); the survivors never publish a row twice.
        const bySurvivors = new Map<string, number>();
        for (const id of [...apiB.published, ...worker.published]) bySurvivors.set(id, (bySurvivors.get(id) ?? 0) + 1);
        const byKilled = new Set(apiA.published);
        for (const row of outbox) {
          expect(bySurvivors.get(row.id) ?? 0, `${row.id} published by the survivors`).toBeLessThanOrEqual(1);
          expect(
            (bySurvivors.get(row.id) ?? 0) + (byKilled.has(row.id) ? 1 : 0),
            `${row.id} published`,
          ).toBeGreaterThanOrEqual(1);
        }
        const queued = await db.q.select().from(db.t.engineEvents);
        const outboxIds = new Set(outbox.map((row) => row.id));
        expect(queued.filter((event) => outboxIds.has(event.id))).toHaveLength(ids.length);

        // Drafted once: the worker's engine drafted every message, none twice.
        const messageIds = new Set(messages.map((m) => m.id));
        const drafts = await until(
          async () => (await db.q.select().from(db.t.drafts)).filter((d) => messageIds.has(d.messageId)),
          (rows) => rows.length >= ids.length,
          240_000,
        );
        expect(drafts).toHaveLength(ids.length);
        expect(new Set(drafts.map((d) => d.messageId)).size).toBe(ids.length);
      } finally {
        await check.close();
      }
    } finally {
      for (const instance of instances) if (instance.child.exitCode === null) instance.child.kill("SIGTERM");
    }
  });
});
