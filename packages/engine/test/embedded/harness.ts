import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Database, newId, openDatabase } from "@support/db";
import { isolatedMysqlUrl } from "@support/db/testing";
import pino from "pino";
import { type EngineRunRecord, getEngineRun } from "../../src/data/engine-runs.js";
import { createEmbeddedEngine } from "../../src/embedded/engine.js";
import { createInngestClient } from "../../src/inngest/client.js";
import { createInngestServeApp } from "../../src/inngest/serve.js";
import { exampleFunctions, newProbe } from "./example-functions.js";

const mysqlUrl = process.env.MYSQL_URL;

/** The engine's data runs on SQLite and, when MYSQL_URL is set, on MySQL too. */
export const engineDialects = [
  { name: "sqlite", skipReason: undefined as string | undefined, url: undefined as string | undefined },
  { name: "mysql", skipReason: mysqlUrl ? undefined : "MYSQL_URL is not set: runs under .ci/run", url: mysqlUrl },
];

export async function openTestDatabase(url: string | undefined): Promise<Database> {
  // On MySQL, a database of this test file's own: the engine leases due runs of every organization.
  const database = await openDatabase({
    url: url ? await isolatedMysqlUrl(url) : undefined,
    dataDir: mkdtempSync(join(tmpdir(), "support-engine-")),
  });
  await database.migrate();
  return database;
}

/** An engine over the example functions, with fast polling and backoff for tests. */
export function startTestEngine(database: Database) {
  const probe = newProbe();
  const logger = pino({ level: "silent" });
  const inngest = createInngestClient({ mode: "embedded" }, { appId: "support", logger });
  const serveApp = createInngestServeApp(inngest, exampleFunctions(inngest, probe));
  const engine = createEmbeddedEngine(database, async (request) => serveApp.fetch(request), logger, {
    pollMs: 20,
    leaseMs: 3000,
    retryBaseMs: 20,
    retryMaxMs: 100,
  });
  return { probe, engine, serveApp };
}

export function messageEvent(messageId: string, conversationId = newId("conversation"), orgId = "org_engine_test") {
  return {
    id: newId("event"),
    name: "example/message.received",
    ts: Date.now(),
    data: {
      v: 1,
      orgId,
      appId: "app_engine_test",
      conversationId,
      messageId,
      channel: "web",
      direction: "inbound",
      authorKind: "customer",
    },
  };
}

export function conversationUpdated(conversationId: string) {
  return {
    id: newId("event"),
    name: "example/conversation.updated",
    ts: Date.now(),
    data: {
      v: 1,
      orgId: "org_engine_test",
      appId: "app_engine_test",
      conversationId,
      channel: "web",
      changes: ["status"],
    },
  };
}

/** Polls until `check` holds (the engine works asynchronously); fails with what it last saw. */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < timeoutMs / 25; i++) {
    last = await read();
    if (check(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`Timed out waiting for ${what}; last seen: ${JSON.stringify(last)}`);
}

export async function runsOf(database: Database, functionId: string, eventId: string) {
  const rows = await database.db.q.select().from(database.db.t.engineRuns);
  return rows.filter((run) => run.functionId === functionId && run.eventId === eventId);
}

export async function settledRun(database: Database, functionId: string, eventId: string): Promise<EngineRunRecord> {
  const [run] = await eventually(
    () => runsOf(database, functionId, eventId),
    (runs) => runs.length === 1 && runs[0]?.status !== "running",
    `${functionId} to finish`,
  );
  return (await getEngineRun(database.db, undefined, run?.id ?? "")) as EngineRunRecord;
}
