import { c, type TableDef } from "./dialect.js";

const define = <T extends TableDef>(def: T) => def;

/**
 * An app's own triage categories (each with a description, examples and signal words), the
 * confidence below which triage does not trust its pick, and the category to fall back on then
 * (none: a person decides). One row per app; without a row the built-in categories apply.
 */
export const triageConfigs = define({
  name: "triage_configs",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    appId: c.id().required(),
    categories: c.json().required(),
    /** Hundredths (0-100), so both dialects store an exact integer. */
    thresholdPercent: c.int().required(),
    fallbackCategory: c.string(64).optional(),
    createdAt: c.time().required(),
    updatedAt: c.time().required(),
  },
  uniques: [{ name: "triage_configs_app_uq", columns: ["orgId", "appId"] }],
  indexes: [],
});

/**
 * A procedure's versions: every save appends a version, so a run keeps the definition it started
 * with. The newest version of a key is the live one unless it is marked removed; at most one live
 * procedure per trigger category is enforced by the service.
 */
export const procedures = define({
  name: "procedures",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    appId: c.id().required(),
    key: c.string(64).required(),
    version: c.int().required(),
    triggerCategory: c.string(64).required(),
    definition: c.json().required(),
    removedAt: c.time().optional(),
    createdBy: c.string(100).required(),
    createdAt: c.time().required(),
  },
  uniques: [{ name: "procedures_version_uq", columns: ["orgId", "appId", "key", "version"] }],
  indexes: [{ name: "procedures_trigger_idx", columns: ["orgId", "appId", "triggerCategory"] }],
});

/**
 * One procedure run on one conversation: the version it started with (kept whatever is saved
 * later), where it is, what it collected (extracted fields, quote, language) and each step's
 * result, oldest first. At most one run per triggering message.
 */
export const procedureRuns = define({
  name: "procedure_runs",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    appId: c.id().required(),
    conversationId: c.id().required(),
    /** The `procedures` row (one version) the run follows. */
    procedureId: c.id().required(),
    procedureKey: c.string(64).required(),
    procedureVersion: c.int().required(),
    triggerMessageId: c.id().required(),
    /** running, waiting, finished, handed_off or failed. */
    state: c.string(16).required(),
    currentStep: c.string(64).optional(),
    data: c.json().required(),
    results: c.json().required(),
    createdAt: c.time().required(),
    updatedAt: c.time().required(),
    finishedAt: c.time().optional(),
  },
  uniques: [{ name: "procedure_runs_trigger_uq", columns: ["orgId", "triggerMessageId"] }],
  indexes: [{ name: "procedure_runs_conversation_idx", columns: ["orgId", "conversationId", "state"] }],
});

/**
 * Tasks procedures create: the product's own task list (provider `embedded`), or the record of a
 * task made in an external tool (ClickUp), written before the call with a unique idempotency key
 * so a redelivered or restarted step finds it instead of creating a second one.
 */
export const tasks = define({
  name: "tasks",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    appId: c.id().required(),
    conversationId: c.id().optional(),
    runId: c.id().optional(),
    idempotencyKey: c.string(200).required(),
    title: c.string(300).required(),
    description: c.text().optional(),
    provider: c.string(16).required(),
    externalId: c.string(100).optional(),
    url: c.string(500).optional(),
    /** creating (the external call may not have answered yet), open or closed. */
    status: c.string(16).required(),
    createdAt: c.time().required(),
    updatedAt: c.time().required(),
    closedAt: c.time().optional(),
  },
  uniques: [{ name: "tasks_idempotency_uq", columns: ["orgId", "idempotencyKey"] }],
  indexes: [{ name: "tasks_status_idx", columns: ["orgId", "status", "createdAt"] }],
});

/** Where an app's procedures create tasks (ClickUp: list, optional parent, encrypted token). */
export const taskConnections = define({
  name: "task_connections",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    appId: c.id().required(),
    provider: c.string(16).required(),
    apiUrl: c.string(500).required(),
    listId: c.string(100).required(),
    parentTaskId: c.string(100).optional(),
    tokenCiphertext: c.text().required(),
    createdAt: c.time().required(),
    updatedAt: c.time().required(),
  },
  uniques: [{ name: "task_connections_app_uq", columns: ["orgId", "appId"] }],
  indexes: [],
});
