import { createHash } from "node:crypto";
import type { Database, Db } from "@support/db";
import { type EngineEventRecord, markEngineEventProcessed, pendingEngineEvents } from "../data/engine-events.js";
import {
  createEngineRun,
  getEngineRun,
  markEngineWaitResolved,
  openEngineWaitsFor,
  recordEngineStep,
  updateEngineRun,
} from "../data/engine-runs.js";
import { advanceEngineCron, dueEngineCrons } from "../data/engine-scheduling.js";
import { nextCronTime } from "./cron.js";
import { evaluateExpression } from "./expressions.js";
import type { LoadedFunction } from "./functions.js";

/** The event as a function receives it (Inngest's payload shape). */
export function eventPayload(event: EngineEventRecord): Record<string, unknown> {
  return { name: event.name, data: event.data, id: event.id, ts: event.ts.getTime() };
}

function triggers(fn: LoadedFunction, event: Record<string, unknown>): boolean {
  const name = String(event.name);
  return fn.events.some(
    (trigger) =>
      (trigger.name === name || (trigger.name.endsWith("*") && name.startsWith(trigger.name.slice(0, -1)))) &&
      (!trigger.expression || evaluateExpression(trigger.expression, { event })),
  );
}

/**
 * Takes queued events in order: each starts a run of every function it triggers and resumes the
 * waits it matches, in one transaction with marking it (and the rest of the batch) processed, so a
 * crash either did all of it or none (and the unique run per function and event keeps a redo from
 * doubling runs).
 */
export async function processPendingEvents(
  database: Database,
  functions: Map<string, LoadedFunction>,
  limit: number,
): Promise<number> {
  const events = await pendingEngineEvents(database.db, limit);
  if (events.length === 0) return 0;
  // The whole batch in one transaction: under a burst, one commit instead of one per event.
  await database.transaction(async (tx) => {
    for (const event of events) {
      const now = new Date();
      const payload = eventPayload(event);
      for (const fn of functions.values()) {
        if (triggers(fn, payload)) await startRun(tx, fn, payload, event.id, event.orgId, now);
      }
      await resumeWaits(tx, event, payload, now);
      await markEngineEventProcessed(tx, event.id, now);
    }
  });
  return events.length;
}

async function startRun(
  tx: Db,
  fn: LoadedFunction,
  event: Record<string, unknown>,
  eventId: string,
  orgId: string | null,
  now: Date,
): Promise<void> {
  await createEngineRun(tx, { functionId: fn.id, eventId, event, orgId, maxAttempts: fn.maxAttempts }, now);
}

async function resumeWaits(tx: Db, event: EngineEventRecord, payload: Record<string, unknown>, now: Date) {
  for (const wait of await openEngineWaitsFor(tx, event.name)) {
    // As in Inngest, a wait only sees events that arrived after it began.
    if (wait.createdAt.getTime() > event.receivedAt.getTime()) continue;
    const run = await getEngineRun(tx, undefined, wait.runId);
    if (run?.status !== "running") continue;
    if (wait.expression && !evaluateExpression(wait.expression, { event: run.event, async: payload })) continue;
    const recorded = await recordEngineStep(
      tx,
      { runId: run.id, orgId: run.orgId, stepId: wait.stepId, name: event.name, result: { data: payload } },
      now,
    );
    await markEngineWaitResolved(tx, wait.id, now);
    if (recorded) await updateEngineRun(tx, run.id, { nextRunAt: now }, now);
  }
}

/** Starts the runs of cron schedules that came due (once per tick, even after downtime). */
export async function fireDueCrons(database: Database, functions: Map<string, LoadedFunction>): Promise<void> {
  const now = new Date();
  for (const cron of await dueEngineCrons(database.db, now)) {
    const fn = functions.get(cron.functionId);
    if (!fn?.crons.includes(cron.cron)) continue;
    const eventId = `cron_${createHash("sha256").update(`${cron.id}@${cron.nextAt.toISOString()}`).digest("hex").slice(0, 40)}`;
    const event = {
      name: "inngest/scheduled.timer",
      data: { cron: cron.cron },
      id: eventId,
      ts: cron.nextAt.getTime(),
    };
    await database.transaction(async (tx) => {
      await startRun(tx, fn, event, eventId, null, now);
      await advanceEngineCron(tx, cron.id, cron.nextAt, nextCronTime(cron.cron, now));
    });
  }
}
