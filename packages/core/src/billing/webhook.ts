import {
  type BillingAccount,
  claimBillingEvent,
  findBillingAccountByCustomer,
  getBillingAccount,
  getOrganizationById,
  saveBillingAccount,
} from "@support/db";
import { type BillingEvent, StripePayloadError, StripeSignatureError } from "@support/payments";
import { commitChange } from "../service/change.js";
import { type Actor, serviceContext, WORKFLOW } from "../service/context.js";
import { AppError } from "../service/errors.js";
import type { Platform } from "../service/ports.js";

/** Stripe's billing webhooks act as the system; the audit log names them `stripe-billing`. */
const STRIPE_BILLING: Actor = { ...WORKFLOW, name: "stripe-billing" };

const LOOKUP_KEY = /^support_([a-z][a-z0-9_]*)_(eur|mga)_monthly$/;

export type BillingWebhookOutcome = "applied" | "duplicate" | "stale" | "ignored";

/**
 * A Stripe Billing webhook, verified on the raw bytes before anything is read. Each event
 * applies once (its id is recorded in the same transaction), and a subscription event older than
 * the newest one applied (`created`) changes nothing, so replays and out-of-order deliveries are safe.
 */
export async function receiveBillingWebhook(
  platform: Platform,
  request: { rawBody: Buffer; signature: string | undefined },
): Promise<{ received: true; outcome: BillingWebhookOutcome }> {
  const billing = platform.ports.billing;
  if (!billing) throw new AppError("not_found", "Billing is not configured on this server");
  let event: BillingEvent;
  try {
    event = billing.stripe.parseWebhook(request.rawBody, request.signature);
  } catch (error) {
    if (error instanceof StripeSignatureError)
      throw new AppError("invalid_signature", "The Stripe signature does not verify.");
    if (error instanceof StripePayloadError)
      throw new AppError("invalid_input", `Stripe event refused: ${error.message}.`);
    throw error;
  }
  if (event.kind === "other") return { received: true, outcome: "ignored" };
  const orgId = await organizationOf(platform, event);
  if (!orgId) return { received: true, outcome: "ignored" };
  const ctx = serviceContext(platform, orgId, STRIPE_BILLING);
  const outcome = await commitChange(ctx, async (tx, log): Promise<BillingWebhookOutcome> => {
    const fresh = await claimBillingEvent(tx, { id: event.eventId, orgId, type: event.type, eventAt: event.created });
    if (!fresh) return "duplicate";
    const account = await getBillingAccount(tx, orgId);
    const customer = { stripeCustomerId: event.customerId || account?.stripeCustomerId || null };
    const created = account ? {} : { overage: billing.overageDefault };
    if (event.kind === "checkout") {
      await saveBillingAccount(tx, orgId, { ...customer, ...created });
      await log.audit({ action: "billing.checkout_completed", subject: orgId, data: { eventId: event.eventId } });
      return "applied";
    }
    if (account?.lastEventAt && event.created < account.lastEventAt) return "stale";
    const planId = LOOKUP_KEY.exec(event.lookupKey ?? "")?.[1];
    const known = planId && billing.plans.some((p) => p.id === planId) ? planId : (account?.planId ?? null);
    const next: Partial<BillingAccount> = {
      ...customer,
      ...created,
      stripeSubscriptionId: event.subscriptionId,
      stripeStatus: event.status,
      planId: known,
      currency: event.currency,
      currentPeriodStart: event.periodStart,
      currentPeriodEnd: event.periodEnd,
      lastEventAt: event.created,
    };
    await saveBillingAccount(tx, orgId, next);
    if (account?.planId !== known || account?.stripeStatus !== event.status) {
      await log.audit({
        action: "billing.plan_changed",
        subject: orgId,
        data: {
          eventId: event.eventId,
          from: { plan: account?.planId ?? null, status: account?.stripeStatus ?? null },
          to: { plan: known, status: event.status },
        },
      });
    }
    return "applied";
  });
  return { received: true, outcome };
}

/** The organization an event is about: the one holding its customer, else the one its metadata names. */
async function organizationOf(
  platform: Platform,
  event: Exclude<BillingEvent, { kind: "other" }>,
): Promise<string | undefined> {
  const byCustomer = event.customerId ? await findBillingAccountByCustomer(platform.db, event.customerId) : undefined;
  if (byCustomer) return byCustomer.orgId;
  if (!event.orgId) return undefined;
  return (await getOrganizationById(platform.db, event.orgId))?.id;
}
