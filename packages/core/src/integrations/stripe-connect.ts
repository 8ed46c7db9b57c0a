import type { StripeCustomerPaymentsView } from "@support/contract";
import { findStripeAccountsByStripeId, getStripeAccount, saveStripeAccount } from "@support/db";
import { type StripeAdapter, type StripeEvent, StripePayloadError, StripeSignatureError } from "@support/payments";
import { z } from "zod";
import { commitChange } from "../service/change.js";
import { type Actor, requireRole, type ServiceContext, serviceContext, WORKFLOW } from "../service/context.js";
import { AppError } from "../service/errors.js";
import type { Platform } from "../service/ports.js";
import { requireApp } from "../tenancy/apps.js";

const STATE_TTL_MS = 15 * 60_000;
const stateSchema = z.object({ orgId: z.string(), appId: z.string(), expiresAt: z.number() });

/**
 * Stripe's own calls (the OAuth redirect, webhooks) come before anyone is signed in: they are
 * trusted through the sealed state or the signature, act as the system, and the audit log
 * names them `stripe`.
 */
const STRIPE: Actor = { ...WORKFLOW, name: "stripe" };

export function requireStripe(stripe: StripeAdapter | undefined): StripeAdapter {
  if (!stripe) throw new AppError("conflict", "Stripe Connect is not configured on this server (STRIPE_* variables)");
  return stripe;
}

export function stripeCallbackUrl(publicUrl: string): string {
  return `${publicUrl}/stripe/oauth/callback`;
}

/**
 * Where to send the app's admin to connect Stripe (admins only). The state is the org and app
 * sealed with the secrets key (AES-GCM authenticates it), with an expiry: the callback trusts
 * nothing else.
 */
export async function stripeConnectUrl(
  ctx: ServiceContext,
  appRef: string,
  now: Date = new Date(),
): Promise<{ url: string }> {
  requireRole(ctx, "admin");
  const stripe = requireStripe(ctx.ports.stripe);
  const app = await requireApp(ctx, appRef);
  const state = ctx.ports.secrets.encrypt(
    JSON.stringify({ orgId: ctx.org.id, appId: app.id, expiresAt: now.getTime() + STATE_TTL_MS }),
  );
  return { url: stripe.authorizeUrl(state, stripeCallbackUrl(ctx.ports.publicUrl)) };
}

/**
 * The OAuth callback: checks the state, exchanges the code, and connects the account to the
 * app. It takes the platform: the organization is known only once the state is opened.
 */
export async function completeStripeConnect(
  platform: Platform,
  input: { state: string; code: string },
  now: Date = new Date(),
): Promise<{ orgId: string; appId: string; stripeAccountId: string }> {
  const stripe = requireStripe(platform.ports.stripe);
  let state: z.infer<typeof stateSchema>;
  try {
    state = stateSchema.parse(JSON.parse(platform.ports.secrets.decrypt(input.state)));
  } catch {
    throw new AppError("invalid_input", "the OAuth state is not one this server issued");
  }
  if (state.expiresAt < now.getTime())
    throw new AppError("invalid_input", "the OAuth state has expired; connect again");
  let accountId: string;
  try {
    ({ accountId } = await stripe.exchangeCode(input.code));
  } catch (error) {
    throw new AppError("invalid_input", `Stripe refused the authorization code: ${(error as Error).message}`);
  }
  await commitChange(serviceContext(platform, state.orgId, STRIPE), async (tx, log) => {
    await saveStripeAccount(tx, state.orgId, state.appId, { stripeAccountId: accountId, status: "connected" });
    await log.audit({ action: "stripe.connected", subject: state.appId, data: { stripeAccountId: accountId } });
  });
  return { orgId: state.orgId, appId: state.appId, stripeAccountId: accountId };
}

/** The app's connected Stripe account id, or a conflict naming why there is none. */
export async function connectedAccount(ctx: ServiceContext, appId: string): Promise<string> {
  const account = await getStripeAccount(ctx.db, ctx.org.id, appId);
  if (account?.status !== "connected") throw new AppError("conflict", "the app has no connected Stripe account");
  return account.stripeAccountId;
}

/** A read tool (any member): the customer's charges, refunds and subscriptions, fetched from Stripe now. */
export async function stripeCustomerPayments(
  ctx: ServiceContext,
  appRef: string,
  email: string,
): Promise<StripeCustomerPaymentsView> {
  const app = await requireApp(ctx, appRef);
  const stripe = requireStripe(ctx.ports.stripe);
  return stripe.customerPayments(await connectedAccount(ctx, app.id), email);
}

/**
 * A Stripe webhook: verified by its signature over the raw body before anything is read. It
 * takes the platform: the organizations are those whose apps connected the event's account.
 */
export async function receiveStripeWebhook(
  platform: Platform,
  request: { rawBody: Buffer; signature: string | undefined },
): Promise<{ received: true; handled: boolean }> {
  const stripe = platform.ports.stripe;
  if (!stripe) throw new AppError("not_found", "Stripe is not configured on this server");
  let event: StripeEvent;
  try {
    event = stripe.parseWebhook(request.rawBody, request.signature);
  } catch (error) {
    if (error instanceof StripeSignatureError)
      throw new AppError("invalid_signature", "The Stripe signature does not verify.");
    if (error instanceof StripePayloadError)
      throw new AppError("invalid_input", `Stripe event refused: ${error.message}.`);
    throw error;
  }
  return { received: true, handled: await handleStripeEvent(platform, event) };
}

/**
 * A deauthorised account stops being used at once; a dispute is put on the app's audit trail
 * for a human (it has a deadline and money at stake).
 */
async function handleStripeEvent(platform: Platform, event: StripeEvent): Promise<boolean> {
  if (event.kind === "other") return false;
  const accounts = await findStripeAccountsByStripeId(platform.db, event.accountId);
  for (const account of accounts) {
    await commitChange(serviceContext(platform, account.orgId, STRIPE), async (tx, log) => {
      if (event.kind === "deauthorized") {
        await saveStripeAccount(tx, account.orgId, account.appId, {
          stripeAccountId: account.stripeAccountId,
          status: "deauthorized",
        });
      }
      await log.audit({
        action: event.kind === "deauthorized" ? "stripe.deauthorized" : "stripe.dispute_created",
        subject: account.appId,
        data:
          event.kind === "dispute"
            ? {
                eventId: event.eventId,
                chargeId: event.chargeId,
                amount: event.amount,
                currency: event.currency,
                reason: event.reason,
              }
            : { eventId: event.eventId },
      });
    });
  }
  return accounts.length > 0;
}
