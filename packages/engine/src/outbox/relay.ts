import type { Database } from "@support/db";
import type { Logger } from "pino";
import { duePendingOutbox, markOutboxFailed, markOutboxPublished } from "../data/outbox.js";
import type { EventPublisher } from "./publisher.js";

export interface RelayOptions {
  batchSize?: number;
  /** How often to look for due events when nothing woke the relay. */
  pollMs?: number;
  /** Backoff for a failed publication: base * 2^attempts, capped, with jitter. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Awaited before each batch, so request-path work goes first (see `ForegroundGate`). */
  turn?: () => Promise<void>;
}

/**
 * Publishes outbox rows until the publisher accepts them. A row is marked published only
 * after the publisher returned, so a crash in between re-publishes it (at-least-once, with the
 * outbox id as the event id for de-duplication downstream); nothing committed is ever lost.
 */
export function createOutboxRelay(
  database: Database,
  publisher: EventPublisher,
  logger: Logger,
  options: RelayOptions = {},
) {
  const batchSize = options.batchSize ?? 100;
  const pollMs = options.pollMs ?? 500;
  const retryBaseMs = options.retryBaseMs ?? 500;
  const retryMaxMs = options.retryMaxMs ?? 60_000;
  const turn = options.turn ?? (async () => {});
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let again = false;
  let stopped = true;

  async function publishDue(): Promise<number> {
    let total = 0;
    for (;;) {
      await turn();
      const due = await duePendingOutbox(database.db, new Date(), batchSize);
      if (due.length === 0) return total;
      try {
        await publisher.publish(
          due.map((row) => ({
            id: row.id,
            name: row.name,
            data: row.payload as Record<string, unknown>,
            ts: row.createdAt.getTime(),
          })),
        );
        // Through the write queue: on SQLite a bare write would block on whichever transaction
        // is open (the engine's, ingest's) for the whole busy timeout.
        await database.transaction((tx) =>
          markOutboxPublished(
            tx,
            due.map((row) => row.id),
            new Date(),
          ),
        );
        total += due.length;
      } catch (error) {
        const attempts = Math.min(...due.map((row) => row.attempts));
        const delay = Math.min(retryMaxMs, retryBaseMs * 2 ** attempts) * (0.5 + Math.random() / 2);
        const message = error instanceof Error ? error.message : String(error);
        await database.transaction((tx) =>
          markOutboxFailed(
            tx,
            due.map((row) => row.id),
            message,
            new Date(Date.now() + delay),
          ),
        );
        logger.warn(
          { events: due.length, attempts: attempts + 1, retryInMs: Math.round(delay), err: message },
          "outbox publish failed",
        );
        return total;
      }
      if (due.length < batchSize) return total;
    }
  }

  /** Runs one pass now (or right after the current one), resolving when the work is done. */
  function drain(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = publishDue()
      .catch((error) => {
        logger.error({ err: error instanceof Error ? error.message : String(error) }, "outbox relay pass failed");
        return 0;
      })
      .finally(() => {
        running = undefined;
        if (again && !stopped) {
          again = false;
          void drain();
        }
      });
    return running;
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(async () => {
      await drain();
      schedule();
    }, pollMs);
    timer.unref();
  }

  return {
    /** Wake the relay now: called right after a transaction that appended events commits. */
    notify(): void {
      if (!stopped) void drain();
    },
    drain,
    start(): void {
      if (!stopped) return;
      stopped = false;
      void drain();
      schedule();
    },
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

export type OutboxRelay = ReturnType<typeof createOutboxRelay>;
