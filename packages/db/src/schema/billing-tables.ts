import { c, type TableDef } from "./dialect.js";

const define = <T extends TableDef>(def: T) => def;

/**
 * An organization's subscription as Stripe last told it (ADR 0130). No row means the trial that
 * started when the organization was created. `lastEventAt` is the `created` time of the newest
 * subscription event applied: an older one arriving late changes nothing.
 */
export const billingAccounts = define({
  name: "billing_accounts",
  columns: {
    orgId: c.id().primary(),
    stripeCustomerId: c.string(64).optional(),
    stripeSubscriptionId: c.string(64).optional(),
    planId: c.string(32).optional(),
    /** Stripe's subscription status, verbatim (trialing, active, past_due, canceled, paused, unpaid ...). */
    stripeStatus: c.string(24).optional(),
    currency: c.string(3).optional(),
    currentPeriodStart: c.time().optional(),
    currentPeriodEnd: c.time().optional(),
    lastEventAt: c.time().optional(),
    /** At the AI draft quota: `pause` drafting, or `allow` overage (metered plans). */
    overage: c.string(8).required(),
    createdAt: c.time().required(),
    updatedAt: c.time().required(),
  },
  uniques: [{ name: "billing_accounts_customer_uq", columns: ["stripeCustomerId"] }],
  indexes: [],
});

/** Every billing webhook event applied, by Stripe's event id: a redelivery finds its row and is a no-op. */
export const billingEvents = define({
  name: "billing_events",
  columns: {
    id: c.string(100).primary(),
    orgId: c.id().optional(),
    type: c.string(64).required(),
    /** Stripe's `created` for the event. */
    eventAt: c.time().required(),
    receivedAt: c.time().required(),
  },
  uniques: [],
  indexes: [{ name: "billing_events_org_idx", columns: ["orgId", "receivedAt"] }],
});

/**
 * The quota warnings already mailed to the owners: one row per (quota, threshold, period), so a
 * warning is sent once per billing period however often usage is checked (ADR 0133).
 */
export const quotaWarnings = define({
  name: "quota_warnings",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    /** aiDrafts, seats, apps, knowledgePages, channels */
    quota: c.string(24).required(),
    /** 80 or 100 (percent of the quota). */
    threshold: c.int().required(),
    /** The start of the billing period the warning is about. */
    periodStart: c.time().required(),
    sentAt: c.time().required(),
  },
  uniques: [{ name: "quota_warnings_uq", columns: ["orgId", "quota", "threshold", "periodStart"] }],
  indexes: [],
});
