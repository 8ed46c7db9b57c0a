import type Stripe from "stripe";
import { newStripeClient, verifiedStripeEvent } from "./client.js";

export interface StripeSettings {
  secretKey: string;
  clientId: string;
  webhookSecret: string;
  /** Where the API is: https://api.stripe.com in production, a fake on 127.0.0.1 in tests. */
  apiBase?: string;
}

export interface CustomerPayments {
  charges: {
    id: string;
    amount: number;
    currency: string;
    created: string;
    refunded: number;
    status: string;
    disputed: boolean;
  }[];
  refunds: { id: string; charge: string | null; amount: number; currency: string; status: string | null }[];
  subscriptions: { id: string; status: string; currentPeriodEnd: string | null; cancelAtPeriodEnd: boolean }[];
}

export interface StripeRefund {
  id: string;
  charge: string;
  amount: number;
  currency: string;
  status: string | null;
}

/** The events the platform acts on; anything else verified is acknowledged and ignored. */
export type StripeEvent =
  | { kind: "deauthorized"; eventId: string; accountId: string }
  | {
      kind: "dispute";
      eventId: string;
      accountId: string;
      chargeId: string;
      amount: number;
      currency: string;
      reason: string;
    }
  | { kind: "other"; eventId: string; type: string };

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

/**
 * The one place the `stripe` SDK is used. Every call on a connected account passes its id as
 * `stripeAccount`; nothing is stored: reads go to Stripe each time (BRIEF: nothing warehoused).
 */
export function createStripeAdapter(settings: StripeSettings) {
  const stripe = newStripeClient(settings.secretKey, settings.apiBase);

  return {
    /** Where to send the app's admin to connect their account; `state` comes back to the callback. */
    authorizeUrl(state: string, redirectUri: string): string {
      return stripe.oauth.authorizeUrl({
        client_id: settings.clientId,
        response_type: "code",
        scope: "read_write",
        state,
        redirect_uri: redirectUri,
      });
    },

    async exchangeCode(code: string): Promise<{ accountId: string }> {
      const token = await stripe.oauth.token({ grant_type: "authorization_code", code });
      if (!token.stripe_user_id) throw new Error("Stripe answered the OAuth exchange without an account id");
      return { accountId: token.stripe_user_id };
    },

    async customerPayments(accountId: string, email: string): Promise<CustomerPayments> {
      const on = { stripeAccount: accountId };
      const customers = await stripe.customers.list({ email, limit: 10 }, on);
      const result: CustomerPayments = { charges: [], refunds: [], subscriptions: [] };
      for (const customer of customers.data) {
        const [charges, subscriptions] = await Promise.all([
          stripe.charges.list({ customer: customer.id, limit: 20 }, on),
          stripe.subscriptions.list({ customer: customer.id, status: "all", limit: 20 }, on),
        ]);
        for (const c of charges.data) {
          result.charges.push({
            id: c.id,
            amount: c.amount,
            currency: c.currency.toUpperCase(),
            created: iso(c.created),
            refunded: c.amount_refunded,
            status: c.status,
            disputed: c.disputed,
          });
          if (c.amount_refunded > 0) {
            const refunds = await stripe.refunds.list({ charge: c.id, limit: 20 }, on);
            for (const r of refunds.data) {
              const charge = typeof r.charge === "string" ? r.charge : (r.charge?.id ?? null);
              result.refunds.push({
                id: r.id,
                charge,
                amount: r.amount,
                currency: r.currency.toUpperCase(),
                status: r.status,
              });
            }
          }
        }
        for (const s of subscriptions.data) {
          const end = s.items.data[0]?.current_period_end;
          result.subscriptions.push({
            id: s.id,
            status: s.status,
            currentPeriodEnd: end ? iso(end) : null,
            cancelAtPeriodEnd: s.cancel_at_period_end,
          });
        }
      }
      return result;
    },

    /** Stripe deduplicates on the idempotency key too, so a retried refund is still one refund. */
    async refund(
      accountId: string,
      input: { chargeId: string; amount?: number; idempotencyKey: string },
    ): Promise<StripeRefund> {
      const refund = await stripe.refunds.create(
        { charge: input.chargeId, amount: input.amount, reason: "requested_by_customer" },
        { stripeAccount: accountId, idempotencyKey: input.idempotencyKey },
      );
      return {
        id: refund.id,
        charge: typeof refund.charge === "string" ? refund.charge : (refund.charge?.id ?? input.chargeId),
        amount: refund.amount,
        currency: refund.currency.toUpperCase(),
        status: refund.status,
      };
    },

    /** Verifies the signature on the raw body with the SDK and narrows the event to what we handle. */
    parseWebhook(rawBody: string | Buffer, signature: string | undefined): StripeEvent {
      return verifiedStripeEvent(stripe, settings.webhookSecret, rawBody, signature, narrowEvent);
    },
  };
}

/** What a verified event means to the platform; a body missing what its type promises throws a TypeError. */
function narrowEvent(event: Stripe.Event): StripeEvent {
  if (event.type === "account.application.deauthorized" && event.account) {
    return { kind: "deauthorized", eventId: event.id, accountId: event.account };
  }
  if (event.type === "charge.dispute.created" && event.account) {
    const dispute = event.data.object;
    return {
      kind: "dispute",
      eventId: event.id,
      accountId: event.account,
      chargeId: typeof dispute.charge === "string" ? dispute.charge : dispute.charge.id,
      amount: dispute.amount,
      currency: dispute.currency.toUpperCase(),
      reason: dispute.reason,
    };
  }
  return { kind: "other", eventId: event.id, type: event.type };
}

export type StripeAdapter = ReturnType<typeof createStripeAdapter>;
