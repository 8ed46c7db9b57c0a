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
