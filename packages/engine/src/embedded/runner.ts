import { type Database, newId } from "@support/db";
import type { Logger } from "pino";
import { enqueueEngineEvents } from "../data/engine-events.js";
import {
  createEngineWait,
  type EngineRunRecord,
  type EngineRunUpdate,
  engineRunSteps,
  getEngineRun,
  markEngineWaitResolved,
  openEngineWaitsOfRun,
  recordEngineStep,
  updateEngineRun,
} from "../data/engine-runs.js";
import { releaseConcurrencySlots, takeConcurrencySlots } from "../data/engine-scheduling.js";
import { resolveWakeTime } from "./durations.js";
import { parseExpression } from "./expressions.js";
import { concurrencyKeysFor, type LoadedFunction, type ServeFetch } from "./functions.js";
import { buildCallRequest, type CallOutcome, errorText, OpCode, parseCallResponse, type StepOp } from "./protocol.js";

export interface RunnerContext {
  database: Database;
  serve: ServeFetch;
  origin: string;
  functions: Map<string, LoadedFunction>;
  owner: string;
  leaseMs: number;
  pollMs: number;
  /** Awaited before each call of the serve handler: request-path work goes first. */
  turn: () => Promise<void>;
  retryBaseMs: number;
  retryMaxMs: number;
  logger: Logger;
}

/** Calls per lease before the run yields its worker to others (a function with many steps). */
const CALLS_PER_TURN = 100;

type Next = { continue: true; attempt: number } | { continue: false };
const STOP: Next = { continue: false };

/**
 * Drives one leased run through the serve handler until it completes, fails, sleeps, waits or
 * must retry later. Each step result is committed before the next call, so a crash re-runs at
 * most the step that was executing; completed steps are replayed from memory, never re-run.
 */
export async function executeRun(ctx: RunnerContext, run: EngineRunRecord): Promise<void> {
  const fn = ctx.functions.get(run.functionId);
  if (!fn) {
    await finishFailed(ctx, run, `The function "${run.functionId}" is not served by this app`, run.lastStep);
    return;
  }
  const keys = concurrencyKeysFor(fn, run.event);
  if (keys.length > 0) {
    const now = new Date();
    const claim = { runId: run.id, orgId: run.orgId, keys };
    const until = new Date(now.getTime() + ctx.leaseMs);
    if (!(await ctx.database.transaction((tx) => takeConcurrencySlots(tx, claim, now, until)))) {
      // A key is full: step aside (holding nothing) and try again on a later pass.
      await save(ctx, run.id, { leaseOwner: null, leaseUntil: null, nextRunAt: new Date(now.getTime() + ctx.pollMs) });
      return;
    }
  }
  let attempt = run.attempt;
  try {
    await resolveExpiredWaits(ctx, run);
    for (let calls = 0; calls < CALLS_PER_TURN; calls++) {
      const outcome = await call(ctx, run, fn, "step", attempt);
      const next = await applyOutcome(ctx, run, fn, outcome, attempt);
      if (!next.continue) return;
      attempt = next.attempt;
    }
    await save(ctx, run.id, { attempt, leaseOwner: null, leaseUntil: null, nextRunAt: new Date() });
  } catch (error) {
    // The call itself broke (an unparseable response, an unsupported expression, the database):
    // an attempt like any other, retried with backoff and dead-lettered when attempts run out.
    const message = error instanceof Error ? error.message : String(error);
    const current = await currentRun(ctx, run);
    if (attempt + 1 >= fn.maxAttempts) await finishFailed(ctx, current, message, current.lastStep);
    else await scheduleRetry(ctx, current, attempt, message, current.lastStep, undefined);
  } finally {
    if (keys.length > 0) await ctx.database.transaction((tx) => releaseConcurrencySlots(tx, run.id));
  }
}

async function call(
  ctx: RunnerContext,
  run: EngineRunRecord,
  fn: LoadedFunction,
  stepId: string,
  attempt: number,
): Promise<CallOutcome> {
  await ctx.turn();
  const steps = await engineRunSteps(ctx.database.db, run.id);
  const request = buildCallRequest(ctx.origin, {
    functionId: fn.id,
    stepId,
    runId: run.id,
    attempt,
    maxAttempts: fn.maxAttempts,
    event: run.event as Record<string, unknown>,
    steps: steps.map((step) => [step.stepId, step.result]),
  });
  return parseCallResponse(await ctx.serve(request));
}

async function applyOutcome(
  ctx: RunnerContext,
  run: EngineRunRecord,
  fn: LoadedFunction,
  outcome: CallOutcome,
  attempt: number,
): Promise<Next> {
  if (outcome.kind === "completed") {
    const now = new Date();
    await save(ctx, run.id, {
      status: "completed",
      output: outcome.output ?? null,
      nextRunAt: null,
      leaseOwner: null,
      leaseUntil: null,
      finishedAt: now,
    });
    return STOP;
  }
  if (outcome.kind === "error") {
    const message = errorText(outcome.error);
    const current = await currentRun(ctx, run);
    if (outcome.noRetry || attempt + 1 >= fn.maxAttempts) {
      await finishFailed(ctx, current, outcome.error, current.lastStep);
    } else {
      await scheduleRetry(ctx, current, attempt, message, current.lastStep, outcome.retryAfter);
    }
    return STOP;
  }
  let suspended = false;
  let next = attempt;
  for (const op of outcome.ops) {
    const result =
      op.op === OpCode.StepPlanned
        ? await runPlannedStep(ctx, run, fn, op, next)
        : await applyOp(ctx, run, op, next, outcome);
    if (result === "stop") return STOP;
    if (result === "suspend") suspended = true;
    else next = 0;
  }
  if (suspended) {
    // One transaction with the read, so an event resolving a wait meanwhile is not overwritten.
    await ctx.database.transaction(async (tx) => {
      const waits = await openEngineWaitsOfRun(tx, run.id);
      const nextRunAt = waits[0]?.expiresAt ?? new Date();
      await updateEngineRun(tx, run.id, { attempt: next, leaseOwner: null, leaseUntil: null, nextRunAt }, new Date());
    });
    return STOP;
  }
  return { continue: true, attempt: next };
}

/** `Promise.all` over steps: the SDK plans them, and each is run by a call of its own. */
async function runPlannedStep(
  ctx: RunnerContext,
  run: EngineRunRecord,
  fn: LoadedFunction,
  planned: StepOp,
  attempt: number,
): Promise<"continue" | "suspend" | "stop"> {
  const outcome = await call(ctx, run, fn, planned.id, attempt);
  if (outcome.kind === "ops") {
    let result: "continue" | "suspend" | "stop" = "continue";
    for (const op of outcome.ops) {
      const applied = await applyOp(ctx, run, op, attempt, outcome);
      if (applied === "stop") return "stop";
      if (applied === "suspend") result = "suspend";
    }
    return result;
  }
  const next = await applyOutcome(ctx, run, fn, outcome, attempt);
  return next.continue ? "continue" : "stop";
}

async function applyOp(
  ctx: RunnerContext,
  run: EngineRunRecord,
  op: StepOp,
  attempt: number,
  outcome: { noRetry: boolean; retryAfter?: string },
): Promise<"continue" | "suspend" | "stop"> {
  const stepName = op.displayName ?? op.name ?? op.id;
  const now = new Date();
  const db = ctx.database;
  switch (op.op) {
    case OpCode.StepRun:
      await db.transaction(async (tx) => {
        await recordEngineStep(tx, memo(run, op, { data: op.data ?? null }), now);
        await updateEngineRun(tx, run.id, { attempt: 0, lastStep: stepName }, now);
      });
      return "continue";
    case OpCode.StepFailed: {
      const current = await currentRun(ctx, run);
      await db.transaction(async (tx) => {
        await recordEngineStep(tx, memo(run, op, { error: op.error ?? null }), now);
        await updateEngineRun(
          tx,
          run.id,
          { attempt: 0, failures: current.failures + 1, lastError: errorText(op.error), lastStep: stepName },
          now,
        );
      });
      return "continue";
    }
    case OpCode.StepError: {
      const current = await currentRun(ctx, run);
      if (outcome.noRetry) {
        await finishFailed(ctx, current, op.error, stepName);
      } else {
        await scheduleRetry(ctx, current, attempt, errorText(op.error), stepName, outcome.retryAfter);
      }
      return "stop";
    }
    case OpCode.Sleep:
      await db.transaction(async (tx) => {
        await createEngineWait(
          tx,
          {
            runId: run.id,
            orgId: run.orgId,
            stepId: op.id,
            kind: "sleep",
            eventName: null,
            expression: null,
            expiresAt: resolveWakeTime(op.name ?? "", now),
          },
          now,
        );
        await updateEngineRun(tx, run.id, { lastStep: stepName }, now);
      });
      return "suspend";
    case OpCode.WaitForEvent: {
      const expression = typeof op.opts?.if === "string" ? op.opts.if : null;
      if (expression) parseExpression(expression);
      const timeout = typeof op.opts?.timeout === "string" ? op.opts.timeout : "";
      await db.transaction(async (tx) => {
        await createEngineWait(
          tx,
          {
            runId: run.id,
            orgId: run.orgId,
            stepId: op.id,
            kind: "event",
            eventName: op.name ?? "",
            expression,
            expiresAt: resolveWakeTime(timeout, now),
          },
          now,
        );
        await updateEngineRun(tx, run.id, { lastStep: stepName }, now);
      });
      return "suspend";
    }
    default: {
      const current = await currentRun(ctx, run);
      await finishFailed(ctx, current, `The embedded engine does not support the step op "${op.op}"`, stepName);
      return "stop";
    }
  }
}

function memo(run: EngineRunRecord, op: StepOp, result: { data: unknown } | { error: unknown }) {
  return { runId: run.id, orgId: run.orgId, stepId: op.id, name: op.displayName ?? op.name ?? op.id, result };
}

/** Sleeps that ended and waits that timed out resolve to `null`, as Inngest resolves them. */
async function resolveExpiredWaits(ctx: RunnerContext, run: EngineRunRecord): Promise<void> {
  const now = new Date();
  const waits = await openEngineWaitsOfRun(ctx.database.db, run.id);
  for (const wait of waits.filter((w) => w.expiresAt.getTime() <= now.getTime())) {
    await ctx.database.transaction(async (tx) => {
      await recordEngineStep(
        tx,
        {
          runId: run.id,
          orgId: run.orgId,
          stepId: wait.stepId,
          name: wait.eventName ?? "sleep",
          result: { data: null },
        },
        now,
      );
      await markEngineWaitResolved(tx, wait.id, now);
    });
  }
}

async function scheduleRetry(
  ctx: RunnerContext,
  run: EngineRunRecord,
  attempt: number,
  error: string,
  lastStep: string | null,
  retryAfter: string | undefined,
): Promise<void> {
  const now = new Date();
  const backoff = Math.min(ctx.retryMaxMs, ctx.retryBaseMs * 2 ** attempt) * (0.75 + Math.random() / 4);
  const at = retryAfterTime(retryAfter, now) ?? new Date(now.getTime() + backoff);
  ctx.logger.warn({ runId: run.id, functionId: run.functionId, attempt: attempt + 1, err: error }, "run will retry");
  await save(ctx, run.id, {
    attempt: attempt + 1,
    failures: run.failures + 1,
    lastError: error,
    lastStep,
    nextRunAt: at,
    leaseOwner: null,
    leaseUntil: null,
  });
}

/** `RetryAfterError` sends seconds, an HTTP date or an ISO timestamp. */
function retryAfterTime(value: string | undefined, now: Date): Date | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return new Date(now.getTime() + Number(value) * 1000);
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

/**
 * The dead-letter state: kept with its error, attempts and last step until retried. As Inngest
 * does, it emits `inngest/function.failed`, which runs the function's `onFailure` handler.
 */
async function finishFailed(ctx: RunnerContext, run: EngineRunRecord, error: unknown, lastStep: string | null) {
  const message = errorText(error);
  ctx.logger.error({ runId: run.id, functionId: run.functionId, err: message, lastStep }, "run failed");
  const now = new Date();
  await ctx.database.transaction(async (tx) => {
    await updateEngineRun(
      tx,
      run.id,
      {
        status: "failed",
        failures: run.failures + 1,
        lastError: message,
        lastStep,
        nextRunAt: null,
        leaseOwner: null,
        leaseUntil: null,
        finishedAt: now,
      },
      now,
    );
    await enqueueEngineEvents(
      tx,
      [
        {
          id: newId("event", now.getTime()),
          name: FUNCTION_FAILED,
          data: { function_id: run.functionId, run_id: run.id, error: serializedError(error), event: run.event },
          ts: now.getTime(),
          orgId: run.orgId,
        },
      ],
      now,
    );
  });
}

const FUNCTION_FAILED = "inngest/function.failed";

function serializedError(error: unknown): { name: string; message: string; stack?: string } {
  if (error && typeof error === "object" && typeof (error as { message?: unknown }).message === "string") {
    const e = error as { name?: unknown; message: string; stack?: unknown };
    return {
      name: typeof e.name === "string" ? e.name : "Error",
      message: e.message,
      ...(typeof e.stack === "string" ? { stack: e.stack } : {}),
    };
  }
  return { name: "Error", message: typeof error === "string" ? error : JSON.stringify(error) };
}

async function currentRun(ctx: RunnerContext, run: EngineRunRecord): Promise<EngineRunRecord> {
  return (await getEngineRun(ctx.database.db, undefined, run.id)) ?? run;
}

/** Writes go through the database's write queue: SQLite takes one writer at a time. */
function save(ctx: RunnerContext, runId: string, update: EngineRunUpdate) {
  return ctx.database.transaction((tx) => updateEngineRun(tx, runId, update, new Date()));
}
