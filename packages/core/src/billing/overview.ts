import type { BillingView, QuotaUsageView } from "@support/contract";
import { billingUsage } from "@support/db";
import { aiAllowance, type Plan, QUOTAS, quotaLevel } from "@support/decisions";
import { requireRole, type ServiceContext } from "../service/context.js";
import { loadOrgBilling } from "./entitlement.js";

function planSummary(plan: Plan) {
  return {
    id: plan.id,
    name: plan.name,
    trial: Boolean(plan.trial),
    metered: plan.metered,
    prices: Object.entries(plan.prices).map(([currency, amount]) => ({
      currency: currency as "EUR" | "MGA",
      amount: amount as number,
    })),
    quotas: { ...plan.quotas },
  };
}

/**
 * `GET /api/v1/billing` (owners only): the plan, its status and period end, and usage against
 * each quota with its warning level. With billing off, usage is shown without limits.
 */
export async function billingOverview(ctx: ServiceContext, now: Date = new Date()): Promise<BillingView> {
  requireRole(ctx, "owner");
  const state = await loadOrgBilling(ctx, now);
  if (!state) {
    const usage = await billingUsage(ctx.db, ctx.org.id, monthStart(now));
    return {
      enabled: false,
      plan: null,
      status: null,
      periodEnd: null,
      trialEndsAt: null,
      overage: "pause",
      aiPaused: null,
      usage: QUOTAS.map((quota) => ({ quota, used: usage[quota], limit: null, level: "ok" as const })),
      plans: [],
      canManage: false,
    };
  }
  const { entitlement } = state;
  const usage = await billingUsage(ctx.db, ctx.org.id, state.periodStart);
  const quotas: QuotaUsageView[] = QUOTAS.map((quota) => {
    const limit = entitlement.plan.quotas[quota];
    return { quota, used: usage[quota], limit, level: quotaLevel(usage[quota], limit) };
  });
  const allowance = aiAllowance(entitlement, usage.aiDrafts, state.overage);
  return {
    enabled: true,
    plan: { id: entitlement.plan.id, name: entitlement.plan.name },
    status: entitlement.status,
    periodEnd: entitlement.periodEnd.toISOString(),
    trialEndsAt: entitlement.trialEndsAt?.toISOString() ?? null,
    overage: state.overage,
    aiPaused: allowance.allowed ? null : allowance.message,
    usage: quotas,
    plans: state.billing.plans.map(planSummary),
    canManage: Boolean(state.account?.stripeCustomerId),
  };
}

/** Without billing, usage is shown for the calendar month (UTC). */
function monthStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}
