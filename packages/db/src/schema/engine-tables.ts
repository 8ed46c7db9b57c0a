import { c, type TableDef } from "./dialect.js";

const define = <T extends TableDef>(def: T) => def;

/**
 * The embedded workflow engine's state. Organization ids are optional: a cron run belongs to
 * no tenant. Nothing here is read by tenant code except through the engine's data functions,
 * which filter by organization where an organization is given.
 */

/** Events handed to the engine; the id (the outbox id) makes a re-publication a no-op. */
export const engineEvents = define({
  name: "engine_events",
  columns: {
    id: c.string(100).primary(),
    orgId: c.id().optional(),
    name: c.string(200).required(),
    data: c.json().required(),
    ts: c.time().required(),
    receivedAt: c.time().required(),
    processedAt: c.time().optional(),
  },
  uniques: [],
  indexes: [{ name: "engine_events_pending_idx", columns: ["processedAt", "receivedAt"] }],
});

/** One row per function run; `nextRunAt` is when the worker should call the function again. */
export const engineRuns = define({
  name: "engine_runs",
  columns: {
    id: c.id().primary(),
    orgId: c.id().optional(),
    functionId: c.string(150).required(),
    eventId: c.string(100).required(),
    event: c.json().required(),
    status: c.string(16).required(),
    attempt: c.int().required(),
    maxAttempts: c.int().required(),
    failures: c.int().required(),
    lastError: c.text().optional(),
    lastStep: c.string(200).optional(),
    output: c.json().optional(),
    nextRunAt: c.time().optional(),
    leaseOwner: c.string(64).optional(),
    leaseUntil: c.time().optional(),
    createdAt: c.time().required(),
    updatedAt: c.time().required(),
    finishedAt: c.time().optional(),
  },
  uniques: [{ name: "engine_runs_function_event_uq", columns: ["functionId", "eventId"] }],
  indexes: [
    { name: "engine_runs_due_idx", columns: ["status", "nextRunAt"] },
    { name: "engine_runs_org_idx", columns: ["orgId", "createdAt"] },
  ],
});

/** Memoized step results, replayed to the function on every call (the `steps` of the protocol). */
export const engineSteps = define({
  name: "engine_steps",
  columns: {
    id: c.id().primary(),
    orgId: c.id().optional(),
    runId: c.id().required(),
    stepId: c.string(64).required(),
    name: c.string(200).required(),
    result: c.json().required(),
    createdAt: c.time().required(),
  },
  uniques: [{ name: "engine_steps_run_step_uq", columns: ["runId", "stepId"] }],
  indexes: [],
});

/**
 * A run paused in `step.sleep` (kind `sleep`, resolved when it expires) or `step.waitForEvent`
 * (kind `event`, resolved by a matching event, or by its timeout with no event).
 */
export const engineWaits = define({
  name: "engine_waits",
  columns: {
    id: c.id().primary(),
    orgId: c.id().optional(),
    runId: c.id().required(),
    stepId: c.string(64).required(),
    kind: c.string(16).required(),
    eventName: c.string(200).optional(),
    expression: c.text().optional(),
    expiresAt: c.time().required(),
    createdAt: c.time().required(),
    resolvedAt: c.time().optional(),
  },
  uniques: [{ name: "engine_waits_run_step_uq", columns: ["runId", "stepId"] }],
  indexes: [{ name: "engine_waits_event_idx", columns: ["eventName", "resolvedAt"] }],
});

/**
 * Concurrency slots: a run holds slot n of each of its keys while it executes (one row per key;
 * the keys are evaluated from the run's event and its function's rules). The unique key makes
 * taking a slot atomic on every dialect (and across processes sharing the database).
 */
export const engineConcurrencySlots = define({
  name: "engine_concurrency_slots",
  columns: {
    id: c.id().primary(),
    orgId: c.id().optional(),
    concurrencyKey: c.string(300).required(),
    slot: c.int().required(),
    runId: c.id().required(),
    leaseUntil: c.time().required(),
  },
  uniques: [{ name: "engine_concurrency_key_slot_uq", columns: ["concurrencyKey", "slot"] }],
  indexes: [],
});

/** The next firing time of each cron-triggered function. */
export const engineCrons = define({
  name: "engine_crons",
  columns: {
    id: c.string(200).primary(),
    /** Always null: a schedule belongs to the app's code, not to a tenant. */
    orgId: c.id().optional(),
    functionId: c.string(150).required(),
    cron: c.string(100).required(),
    nextAt: c.time().required(),
  },
  uniques: [],
  indexes: [],
});
