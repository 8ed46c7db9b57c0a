import { c, type TableDef } from "./dialect.js";

const define = <T extends TableDef>(def: T) => def;

/**
 * Where the platform calls a product app (BRIEF §4) and with which secrets. The secrets are one
 * encrypted JSON list, newest first: during a rotation both the new and the old one sign calls.
 */
export const appIntegrations = define({
  name: "app_integrations",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    appId: c.id().required(),
    url: c.string(500).required(),
    secretsCiphertext: c.text().required(),
    /** The app's own limits on what may run without approval (refund window, amount). */
    policy: c.json().required(),
    /** What the last `describe` reported, so proposals only offer what the app implements. */
    capabilities: c.json().optional(),
    checkedAt: c.time().optional(),
    createdAt: c.time().required(),
    updatedAt: c.time().required(),
  },
  uniques: [{ name: "app_integrations_app_uq", columns: ["orgId", "appId"] }],
  indexes: [],
});

/**
 * One row per side effect the platform asked an app (or Stripe) for. The row is claimed before
 * the call, and its idempotency key is unique per org, so a retried approval never runs twice.
 */
export const actionExecutions = define({
  name: "action_executions",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    appId: c.id().required(),
    draftId: c.id().required(),
    action: c.string(64).required(),
    input: c.json().required(),
    idempotencyKey: c.string(200).required(),
    /** running, succeeded, failed */
    status: c.string(16).required(),
    result: c.json().optional(),
    error: c.text().optional(),
    createdAt: c.time().required(),
    updatedAt: c.time().required(),
  },
  uniques: [{ name: "action_executions_key_uq", columns: ["orgId", "idempotencyKey"] }],
  indexes: [{ name: "action_executions_draft_idx", columns: ["orgId", "draftId"] }],
});

/**
 * The Stripe account an app connected through Connect OAuth. Only the account id is kept: the
 * platform's key acts on it, and charges are read from Stripe when needed, never copied here.
 */
export const stripeAccounts = define({
  name: "stripe_accounts",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    appId: c.id().required(),
    stripeAccountId: c.string(64).required(),
    /** connected, deauthorized */
    status: c.string(16).required(),
    createdAt: c.time().required(),
    updatedAt: c.time().required(),
  },
  uniques: [{ name: "stripe_accounts_app_uq", columns: ["orgId", "appId"] }],
  indexes: [{ name: "stripe_accounts_account_idx", columns: ["stripeAccountId"] }],
});
