import type { Database } from "@support/db";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmbeddedEngine } from "../../src/embedded/engine.js";
import { createForegroundGate } from "../../src/foreground.js";
import { createInngestClient } from "../../src/inngest/client.js";
import { createInngestServeApp } from "../../src/inngest/serve.js";
import { exampleFunctions, newProbe } from "./example-functions.js";
import { messageEvent, openTestDatabase, runsOf, settledRun } from "./harness.js";

describe("embedded engine behind the foreground gate", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(undefined);
  });
  afterAll(async () => database.close());

  it("runs no step while a request is in flight, and catches up once it settled", async () => {
    // No trickle within the test: background work waits for the request alone.
    const gate = createForegroundGate({ backgroundEveryMs: 60_000 });
    const probe = newProbe();
    const logger = pino({ level: "silent" });
    const inngest = createInngestClient({ mode: "embedded" }, { appId: "support", logger });
    const serveApp = createInngestServeApp(inngest, exampleFunctions(inngest, probe));
    const engine = createEmbeddedEngine(database, async (request) => serveApp.fetch(request), logger, {
      pollMs: 20,
      turn: gate.turn,
    });
    let answer: () => void = () => {};
    const request = gate.track(() => new Promise<void>((resolve) => (answer = resolve)));
    await engine.start();
    const event = messageEvent("steps");
    // Accepting the event is the request path's own write: it is not held back.
    await engine.publisher.publish([event]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(probe.completed).toEqual([]);
    expect(await runsOf(database, "support-steps", event.id)).toEqual([]);
    answer();
    await request;
    const run = await settledRun(database, "support-steps", event.id);
    expect(run.status).toBe("completed");
    expect(probe.completed).toEqual([`steps:one:${run.id}`, `steps:two:${run.id}`]);
    await engine.stop();
  });
});
