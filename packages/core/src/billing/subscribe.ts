import { getBillingAccount, getOrganizationById, saveBillingAccount } from "@support/db";
import {
  CURRENCIES,
  type Currency,
  type OveragePolicy,
  overageLookupKey,
  overageUnitAmount,
  type Plan,
  priceLookupKey,
} from "@support/decisions";
import { BillingCatalogueError, type CatalogueProduct, type SyncReport } from "@support/payments";
import { commitChange } from "../service/change.js";
import { requireRole, type ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import type { BillingPort } from "./port.js";

function requireBilling(ctx: ServiceContext): BillingPort {
  if (!ctx.ports.billing)
    throw new AppError(
      "conflict",
      "Billing is off on this server (STRIPE_SECRET_KEY and STRIPE_BILLING_WEBHOOK_SECRET)",
    );
  return ctx.ports.billing;
}

/** The catalogue as Stripe products: one per paid plan, a monthly price per currency, and overage when metered. */
export function catalogueProducts(plans: readonly Plan[]): CatalogueProduct[] {
  return plans
    .filter((plan) => !plan.trial)
    .map((plan) => ({
      id: `support_plan_${plan.id}`,
      name: plan.name,
      prices: CURRENCIES.flatMap((currency) => {
        const amount = plan.prices[currency];
        if (amount === undefined) return [];
        const overage = overageUnitAmount(plan, currency);
        return [
          { lookupKey: priceLookupKey(plan.id, currency), currency, unitAmount: amount, usage: "licensed" as const },
          ...(overage === undefined
            ? []
            : [
                {
                  lookupKey: overageLookupKey(plan.id, currency),
                  currency,
                  unitAmount: overage,
                  usage: "metered" as const,
                },
              ]),
        ];
      }),
    }));
}

/** `skill billing sync`: publishes the catalogue to Stripe; running it again changes only what changed. */
export async function syncBillingCatalogue(ctx: ServiceContext): Promise<SyncReport> {
  requireRole(ctx, "owner");
  const billing = requireBilling(ctx);
  return billing.stripe.syncCatalogue(catalogueProducts(billing.plans));
}

/**
 * A Stripe Checkout page subscribing the organization to a paid plan (owners only). The
 * organization's Stripe customer is made on the first checkout and kept; the plan takes effect
 * when Stripe's subscription webhook arrives, not here.
 */
export async function startCheckout(
  ctx: ServiceContext,
  input: { plan: string; currency: Currency },
): Promise<{ url: string }> {
  requireRole(ctx, "owner");
  const billing = requireBilling(ctx);
  const plan = billing.plans.find((p) => p.id === input.plan && !p.trial);
  if (!plan) throw new AppError("invalid_input", `no paid plan "${input.plan}"`);
  if (plan.prices[input.currency] === undefined)
    throw new AppError("invalid_input", `the ${plan.name} plan has no price in ${input.currency}`);
  const customerId = await ensureCustomer(ctx, billing);
  const returnTo = `${ctx.ports.publicUrl}/billing`;
  const session = await billing.stripe
    .checkoutSession({
      customerId,
      orgId: ctx.org.id,
      lookupKey: priceLookupKey(plan.id, input.currency),
      overageLookupKey: plan.metered ? overageLookupKey(plan.id, input.currency) : undefined,
      successUrl: `${returnTo}?checkout=done`,
      cancelUrl: `${returnTo}?checkout=canceled`,
    })
    .catch((error: unknown) => {
      if (error instanceof BillingCatalogueError) throw new AppError("conflict", error.message);
      throw error;
    });
  await commitChange(ctx, (_tx, log) =>
    log.audit({
      action: "billing.checkout_started",
      subject: ctx.org.id,
      data: { plan: plan.id, currency: input.currency, session: session.id },
    }),
  );
  return { url: session.url };
}

async function ensureCustomer(ctx: ServiceContext, billing: BillingPort): Promise<string> {
  const account = await getBillingAccount(ctx.db, ctx.org.id);
  if (account?.stripeCustomerId) return account.stripeCustomerId;
  const org = await getOrganizationById(ctx.db, ctx.org.id);
  // The idempotency key makes a retried first checkout find the same customer.
  const customerId = await billing.stripe.createCustomer({ orgId: ctx.org.id, name: org?.name ?? ctx.org.id });
  await commitChange(ctx, async (tx, log) => {
    await saveBillingAccount(tx, ctx.org.id, {
      stripeCustomerId: customerId,
      ...(account ? {} : { overage: billing.overageDefault }),
    });
    await log.audit({ action: "billing.customer_created", subject: ctx.org.id, data: { customerId } });
  });
  return customerId;
}

/** The Stripe Customer Portal, where the owner changes plan, updates the card or cancels. */
export async function openBillingPortal(ctx: ServiceContext): Promise<{ url: string }> {
  requireRole(ctx, "owner");
  const billing = requireBilling(ctx);
  const account = await getBillingAccount(ctx.db, ctx.org.id);
  if (!account?.stripeCustomerId)
    throw new AppError("conflict", "subscribe to a plan first: there is nothing to manage");
  return billing.stripe.portalSession({
    customerId: account.stripeCustomerId,
    returnUrl: `${ctx.ports.publicUrl}/billing`,
  });
}

/** The owner's choice at the AI draft quota: pause drafting, or allow overage (metered plans). */
export async function setOveragePolicy(ctx: ServiceContext, overage: OveragePolicy): Promise<void> {
  requireRole(ctx, "owner");
  requireBilling(ctx);
  await commitChange(ctx, async (tx, log) => {
    const before = await getBillingAccount(tx, ctx.org.id);
    await saveBillingAccount(tx, ctx.org.id, { overage });
    await log.audit({
      action: "billing.overage_changed",
      subject: ctx.org.id,
      data: { from: before?.overage ?? null, to: overage },
    });
  });
}
