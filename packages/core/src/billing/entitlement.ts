import { type BillingAccount, billingUsage, getBillingAccount, getOrganizationById } from "@support/db";
import { type AiAllowance, aiAllowance, type Entitlement, entitlementOf, type OveragePolicy } from "@support/decisions";
import type { ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import type { BillingPort } from "./port.js";

export interface OrgBilling {
  billing: BillingPort;
  account: BillingAccount | undefined;
  entitlement: Entitlement;
  overage: OveragePolicy;
  /** Since when this period's AI drafts count: the subscription's period, else the trial's start. */
  periodStart: Date;
}

/** The organization's plan, status and period now; undefined when billing is off. */
export async function loadOrgBilling(ctx: ServiceContext, now: Date = new Date()): Promise<OrgBilling | undefined> {
  const billing = ctx.ports.billing;
  if (!billing) return undefined;
  const org = await getOrganizationById(ctx.db, ctx.org.id);
  if (!org) throw new AppError("not_found", "no such organization");
  const account = await getBillingAccount(ctx.db, ctx.org.id);
  const entitlement = entitlementOf(billing.plans, org, account, now);
  const periodStart = entitlement.trialEndsAt ? org.createdAt : (account?.currentPeriodStart ?? org.createdAt);
  const overage = (account?.overage as OveragePolicy | undefined) ?? billing.overageDefault;
  return { billing, account, entitlement, overage, periodStart };
}

/**
 * Whether the model may draft one more reply for the organization now. Always yes when billing
 * is off. Only drafting stops: messages are received, stored and shown to people regardless.
 */
export async function aiDraftingAllowance(ctx: ServiceContext, now: Date = new Date()): Promise<AiAllowance> {
  const state = await loadOrgBilling(ctx, now);
  if (!state) return { allowed: true, overage: false };
  const usage = await billingUsage(ctx.db, ctx.org.id, state.periodStart);
  return aiAllowance(state.entitlement, usage.aiDrafts, state.overage);
}
