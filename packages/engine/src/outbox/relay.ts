import type { Database, Db } from "@support/db";
import type { Logger } from "pino";
import { markOutboxFailed, markOutboxPublished, type OutboxEvent, withDueOutboxBatch } from "../data/outbox.js";
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
 * Relays on several instances sharing a MySQL database take disjoint batches
 * (`withDueOutboxBatch`), so a row is published by one of them.
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

  /**
   * Publishes one batch this relay holds and answers how to record the outcome: published, or
   * failed with its retry time (the row stays due for whichever relay comes after that).
   */
  async function publishBatch(due: OutboxEvent[]): Promise<{ failed: boolean; record: (tx: Db) => Promise<void> }> {
    const ids = due.map((row) => row.id);
    try {
      await publisher.publish(
        due.map((row) => ({
          id: row.id,
          name: row.name,
          data: row.payload as Record<string, unknown>,
          ts: row.createdAt.getTime(),
        })),
      );
      // Which instance published what (ids only): the evidence that relays on several instances
      // publish each row once (apps/api/test/instances.test.ts).
      logger.debug({ events: ids }, "outbox batch published");
      return { failed: false, record: (tx) => markOutboxPublished(tx, ids, new Date()) };
    } catch (error) {
      const attempts = Math.min(...due.map((row) => row.attempts));
      const delay = Math.min(retryMaxMs, retryBaseMs * 2 ** attempts) * (0.5 + Math.random() / 2);
      const message = error instanceof Error ? error.message : String(error);
      logger.warn(
        { events: due.length, attempts: attempts + 1, retryInMs: Math.round(delay), err: message },
        "outbox publish failed",
      );
      return { failed: true, record: (tx) => markOutboxFailed(tx, ids, message, new Date(Date.now() + delay)) };
    }
  }

  async function publishDue(): Promise<number> {
    let total = 0;
    for (;;) {
      await turn();
      let failed = false;
      const taken = await withDueOutboxBatch(database, new Date(), batchSize, async (due) => {
        const outcome = await publishBatch(due);
        failed = outcome.failed;
        return outcome.record;
      });
      // A failed batch waits for its retry time; the next pass takes whatever else is due.
      if (failed) return total;
      total += taken;
      if (taken < batchSize) return total;
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
