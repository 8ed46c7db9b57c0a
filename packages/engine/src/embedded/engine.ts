import { randomUUID } from "node:crypto";
import type { Database } from "@support/db";
import type { Logger } from "pino";
import { enqueueEngineEvents } from "../data/engine-events.js";
import { dueEngineRuns, extendEngineLeases, leaseEngineRun } from "../data/engine-runs.js";
import { registerEngineCron } from "../data/engine-scheduling.js";
import { yieldToEventLoop } from "../foreground.js";
import type { EventPublisher, PublishedEvent } from "../outbox/publisher.js";
import { nextCronTime } from "./cron.js";
import { type LoadedFunction, loadFunctions, type ServeFetch } from "./functions.js";
import { fireDueCrons, processPendingEvents } from "./intake.js";
import { executeRun, type RunnerContext } from "./runner.js";

export interface EmbeddedEngineOptions {
  /** How often to look for due runs, sleeps, timeouts and crons when nothing woke the engine. */
  pollMs?: number;
  /** How long a worker holds a run; renewed while it executes, so only a dead worker's expires. */
  leaseMs?: number;
  /** Retry backoff: base * 2^attempt (with jitter), capped. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Runs executing at once in this process. */
  parallelRuns?: number;
  batchSize?: number;
  /** Awaited before each unit of work, so request-path work goes first (see `ForegroundGate`). */
  turn?: () => Promise<void>;
}

/**
 * Where the engine pretends the serve handler lives: requests never leave the process (they go
 * straight to the handler's fetch), the origin only fills the URLs the SDK parses.
 */
const EMBEDDED_ORIGIN = "http://embedded.invalid";

/**
 * Publishes into the embedded engine's queue (`engine_events`). Durable once `publish` returns:
 * the relay marks the outbox rows published only after it. A process that does not run the
 * engine (an API-only instance) publishes with this alone; a worker's engine takes the events at
 * its next poll.
 */
export function createEmbeddedEnginePublisher(database: Database, onStored: () => void = () => {}): EventPublisher {
  return {
    async publish(events: PublishedEvent[]): Promise<void> {
      await database.transaction((tx) => enqueueEngineEvents(tx, events, new Date()));
      onStored();
    },
  };
}

/**
 * The embedded workflow engine: Inngest's executor, in-process and over the platform database.
 * It calls the very serve handler `/api/inngest` mounts (`serve` is its fetch), speaking the
 * SDK's HTTP step protocol, so functions run exactly as they would under Inngest.
 */
export function createEmbeddedEngine(
  database: Database,
  serve: ServeFetch,
  logger: Logger,
  options: EmbeddedEngineOptions = {},
) {
  const pollMs = options.pollMs ?? 250;
  const leaseMs = options.leaseMs ?? 30_000;
  const parallelRuns = options.parallelRuns ?? 4;
  const batchSize = options.batchSize ?? 100;
  const turn = options.turn ?? yieldToEventLoop;
  const owner = `wrk_${randomUUID()}`;
  const inFlight = new Map<string, Promise<void>>();
  let functions: Map<string, LoadedFunction> | undefined;
  let ctx: RunnerContext | undefined;
  let stopped = true;
  let timer: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let passing: Promise<void> | undefined;
  let again = false;

  async function load(): Promise<RunnerContext> {
    if (ctx) return ctx;
    functions = await loadFunctions(serve, EMBEDDED_ORIGIN);
    const now = new Date();
    for (const fn of functions.values()) {
      for (const cron of fn.crons) {
        await database.transaction((tx) =>
          registerEngineCron(tx, { functionId: fn.id, cron, nextAt: nextCronTime(cron, now) }),
        );
      }
    }
    ctx = {
      database,
      serve,
      origin: EMBEDDED_ORIGIN,
      functions,
      owner,
      leaseMs,
      pollMs,
      turn,
      retryBaseMs: options.retryBaseMs ?? 1000,
      retryMaxMs: options.retryMaxMs ?? 10 * 60_000,
      logger,
    };
    return ctx;
  }

  async function pass(): Promise<void> {
    const context = await load();
    await turn();
    while ((await processPendingEvents(database, context.functions, batchSize)) === batchSize) {}
    await fireDueCrons(database, context.functions);
    const now = new Date();
    const due = await dueEngineRuns(database.db, now, parallelRuns * 2);
    for (const candidate of due) {
      if (inFlight.size >= parallelRuns) break;
      if (inFlight.has(candidate.id)) continue;
      const until = new Date(now.getTime() + leaseMs);
      const run = await database.transaction((tx) => leaseEngineRun(tx, candidate.id, owner, now, until));
      if (!run) continue;
      const execution = executeRun(context, run)
        .catch((error: unknown) => {
          logger.error(
            { runId: run.id, err: error instanceof Error ? error.message : String(error) },
            "run execution failed",
          );
        })
        .finally(() => {
          inFlight.delete(run.id);
          wake();
        });
      inFlight.set(run.id, execution);
    }
  }

  /** Runs one pass now (or right after the current one). */
  function wake(): Promise<void> {
    if (passing) {
      again = true;
      return passing;
    }
    passing = pass()
      .catch((error: unknown) => {
        logger.error({ err: error instanceof Error ? error.message : String(error) }, "engine pass failed");
      })
      .finally(() => {
        passing = undefined;
        if (again && !stopped) {
          again = false;
          void wake();
        }
      });
    return passing;
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(async () => {
      await wake();
      schedule();
    }, pollMs);
    timer.unref();
  }

  const publisher = createEmbeddedEnginePublisher(database, () => {
    if (!stopped) void wake();
  });

  return {
    publisher,
    /** Learns the functions (an in-band sync of the serve handler) and starts the worker loop. */
    async start(): Promise<void> {
      if (!stopped) return;
      await load();
      stopped = false;
      heartbeat = setInterval(() => {
        const until = new Date(Date.now() + leaseMs);
        void database
          .transaction((tx) => extendEngineLeases(tx, owner, [...inFlight.keys()], until))
          .catch((error: unknown) => logger.warn({ err: String(error) }, "engine lease renewal failed"));
      }, leaseMs / 3);
      heartbeat.unref();
      void wake();
      schedule();
    },
    /** Stops taking work and waits for the runs in flight to reach their next durable point. */
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      await passing;
      await Promise.all(inFlight.values());
      if (heartbeat) clearInterval(heartbeat);
    },
    /** One pass of the loop and the runs it started, for callers that drive the engine by hand. */
    async drain(): Promise<void> {
      await wake();
      await Promise.all(inFlight.values());
    },
    functions: async () => (await load()).functions,
  };
}

export type EmbeddedEngine = ReturnType<typeof createEmbeddedEngine>;
