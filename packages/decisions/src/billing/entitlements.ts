import { type Plan, TRIAL_DAYS } from "./plans.js";

/** The subscription states the API reports (Stripe's, with a lapsed trial shown as `paused`). */
export const BILLING_STATUSES = ["trialing", "active", "past_due", "canceled", "paused"] as const;
export type BillingStatus = (typeof BILLING_STATUSES)[number];

export type OveragePolicy = "pause" | "allow";

/** What the database knows of an organization's subscription (nothing yet: the trial). */
export interface SubscriptionState {
  planId: string | null;
  /** Stripe's subscription status as last received, or null before any subscription. */
  stripeStatus: string | null;
  currentPeriodEnd: Date | null;
}

/**
 * Stripe's statuses mapped to the five the product knows: `unpaid` and `incomplete` are unpaid
 * (`past_due`), an expired first payment ends the subscription (`canceled`).
 */
export function billingStatusOf(stripeStatus: string): BillingStatus {
  switch (stripeStatus) {
    case "trialing":
    case "active":
    case "past_due":
    case "canceled":
    case "paused":
      return stripeStatus;
    case "incomplete_expired":
      return "canceled";
    default:
      return "past_due";
  }
}

export interface Entitlement {
  plan: Plan;
  status: BillingStatus;
  /** When the current period (or the trial) ends. */
  periodEnd: Date;
  trialEndsAt: Date | null;
}

/**
 * Which plan an organization is on now: its subscription's, or the trial counted from the day it
 * was created (a lapsed trial keeps the trial's quotas with status `paused`). A canceled
 * subscription falls back to the trial plan's quotas, paused too: the data stays, AI stops.
 */
export function entitlementOf(
  plans: readonly Plan[],
  org: { createdAt: Date },
  state: SubscriptionState | undefined,
  now: Date,
): Entitlement {
  const trial = plans.find((p) => p.trial) ?? plans[0];
  if (!trial) throw new Error("the plan catalogue is empty");
  const trialEndsAt = new Date(org.createdAt.getTime() + TRIAL_DAYS * 86_400_000);
  const subscribed = state?.stripeStatus ? plans.find((p) => p.id === state.planId) : undefined;
  if (!state?.stripeStatus || !subscribed) {
    return { plan: trial, status: now < trialEndsAt ? "trialing" : "paused", periodEnd: trialEndsAt, trialEndsAt };
  }
  const status = billingStatusOf(state.stripeStatus);
  return {
    plan: status === "canceled" ? trial : subscribed,
    status,
    periodEnd: state.currentPeriodEnd ?? trialEndsAt,
    trialEndsAt: null,
  };
}

export type QuotaLevel = "ok" | "warning" | "reached";

/** 80 % of a quota warns, 100 % reaches it. */
export function quotaLevel(used: number, limit: number): QuotaLevel {
  if (used >= limit) return "reached";
  return used * 5 >= limit * 4 ? "warning" : "ok";
}

export type AiAllowance =
  | { allowed: true; overage: boolean }
  | { allowed: false; reason: "subscription" | "quota"; message: string };

/**
 * Whether the model may draft one more reply. Only AI stops: messages are still received,
 * stored and shown to people whatever this answers.
 */
export function aiAllowance(entitlement: Entitlement, draftsThisPeriod: number, overage: OveragePolicy): AiAllowance {
  if (entitlement.status !== "active" && entitlement.status !== "trialing") {
    const message =
      entitlement.trialEndsAt && entitlement.status === "paused"
        ? "the free trial has ended: AI drafting is paused until a plan is chosen"
        : `the subscription is ${entitlement.status.replace("_", " ")}: AI drafting is paused`;
    return { allowed: false, reason: "subscription", message };
  }
  const limit = entitlement.plan.quotas.aiDrafts;
  if (draftsThisPeriod < limit) return { allowed: true, overage: false };
  if (overage === "allow" && entitlement.plan.metered && entitlement.status === "active") {
    return { allowed: true, overage: true };
  }
  return {
    allowed: false,
    reason: "quota",
    message: `the plan's ${limit} AI drafts this period are used: AI drafting is paused`,
  };
}
