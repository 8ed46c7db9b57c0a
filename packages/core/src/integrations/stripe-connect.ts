import {
  appendAudit,
  type Db,
  findStripeAccountsByStripeId,
  getApp,
  getStripeAccount,
  type SecretBox,
  saveStripeAccount,
} from "@support/db";
import type { CustomerPayments, StripeAdapter, StripeEvent } from "@support/payments";
import { z } from "zod";
import { AppError } from "../service/errors.js";
import { type ExecutionView, executeOnce, STRIPE_REFUND } from "./actions.js";

export interface StripeDeps {
  db: Db;
  secrets: SecretBox;
  stripe: StripeAdapter | undefined;
}

const STATE_TTL_MS = 15 * 60_000;
const stateSchema = z.object({ orgId: z.string(), appId: z.string(), expiresAt: z.number() });

function requireStripe(stripe: StripeAdapter | undefined): StripeAdapter {
  if (!stripe) throw new AppError("conflict", "Stripe Connect is not configured on this server (STRIPE_* variables)");
  return stripe;
}

export function stripeCallbackUrl(publicUrl: string): string {
  return `${publicUrl}/stripe/oauth/callback`;
}

/**
 * Where to send the app's admin to connect Stripe. The state is the org and app sealed with the
 * secrets key (AES-GCM authenticates it), with an expiry: the callback trusts nothing else.
 */
export async function stripeConnectUrl(
  deps: StripeDeps,
  orgId: string,
  appRef: string,
  publicUrl: string,
  now: Date = new Date(),
): Promise<{ url: string }> {
  const stripe = requireStripe(deps.stripe);
  const app = await getApp(deps.db, orgId, appRef);
  if (!app) throw new AppError("not_found", `app "${appRef}" not found`);
  const state = deps.secrets.encrypt(JSON.stringify({ orgId, appId: app.id, expiresAt: now.getTime() + STATE_TTL_MS }));
  return { url: stripe.authorizeUrl(state, stripeCallbackUrl(publicUrl)) };
}

/** The OAuth callback: checks the state, exchanges the code, and connects the account to the app. */
export async function completeStripeConnect(
  deps: StripeDeps,
  input: { state: string; code: string },
  now: Date = new Date(),
): Promise<{ orgId: string; appId: string; stripeAccountId: string }> {
  const stripe = requireStripe(deps.stripe);
  let state: z.infer<typeof stateSchema>;
  try {
    state = stateSchema.parse(JSON.parse(deps.secrets.decrypt(input.state)));
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
  await saveStripeAccount(deps.db, state.orgId, state.appId, { stripeAccountId: accountId, status: "connected" });
  await appendAudit(deps.db, state.orgId, {
    actor: "stripe",
    action: "stripe.connected",
    subject: state.appId,
    data: { stripeAccountId: accountId },
  });
  return { orgId: state.orgId, appId: state.appId, stripeAccountId: accountId };
}

async function connectedAccount(deps: StripeDeps, orgId: string, appId: string): Promise<string> {
  const account = await getStripeAccount(deps.db, orgId, appId);
  if (account?.status !== "connected") throw new AppError("conflict", "the app has no connected Stripe account");
  return account.stripeAccountId;
}

/** A read tool: the customer's charges, refunds and subscriptions, fetched from Stripe now. */
export async function stripeCustomerPayments(
  deps: StripeDeps,
  input: { orgId: string; appId: string; email: string },
): Promise<CustomerPayments> {
  const stripe = requireStripe(deps.stripe);
  return stripe.customerPayments(await connectedAccount(deps, input.orgId, input.appId), input.email);
}

/** An approval-required action: refunds a charge on the app's connected account, exactly once. */
export async function executeStripeRefund(
  deps: StripeDeps,
  request: { orgId: string; appId: string; draftId: string; chargeId: string; amount?: number },
): Promise<{ execution: ExecutionView; executed: boolean }> {
  const stripe = requireStripe(deps.stripe);
  const accountId = await connectedAccount(deps, request.orgId, request.appId);
  const input = { chargeId: request.chargeId, ...(request.amount === undefined ? {} : { amount: request.amount }) };
  return executeOnce(deps.db, { ...request, action: STRIPE_REFUND, input }, (idempotencyKey) =>
    stripe.refund(accountId, { ...input, idempotencyKey }),
  );
}

/**
 * A verified Stripe event: a deauthorised account stops being used at once; a dispute is put on
 * the app's audit trail for a human (it has a deadline and money at stake).
 */
export async function handleStripeEvent(
  deps: Pick<StripeDeps, "db">,
  event: StripeEvent,
): Promise<{ handled: boolean }> {
  if (event.kind === "other") return { handled: false };
  const accounts = await findStripeAccountsByStripeId(deps.db, event.accountId);
  for (const account of accounts) {
    if (event.kind === "deauthorized") {
      await saveStripeAccount(deps.db, account.orgId, account.appId, {
        stripeAccountId: account.stripeAccountId,
        status: "deauthorized",
      });
    }
    await appendAudit(deps.db, account.orgId, {
      actor: "stripe",
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
  }
  return { handled: accounts.length > 0 };
}
