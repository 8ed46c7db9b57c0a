import { getContact, getConversation, getStripeAccount } from "@support/db";
import type { ServiceContext } from "../service/context.js";
import { type CustomerContext, gatherCustomerContext } from "./gather.js";

/** A card charge on the app's connected Stripe account, kept only to route a refund to it. */
export interface GatheredCharge {
  id: string;
  amount: number;
  refunded: number;
  currency: string;
  created: string;
}

/** What the drafting workflow's gather step returns and the draft stores (minus `lines`, which are derived). */
export interface GatheredContext extends CustomerContext {
  /** Charges on the app's connected Stripe account; empty when none is connected. */
  charges: GatheredCharge[];
}

const NOTHING: GatheredContext = {
  user: null,
  purchases: [],
  subscriptions: [],
  failures: [],
  lines: [],
  charges: [],
};

/**
 * The gather step for the customer of a conversation: the product app's account, purchases and
 * subscriptions, and - when the app connected Stripe - the customer's charges, read now and not
 * stored beyond this draft. Like `gatherCustomerContext`, it records failures and never throws
 * for the app's or Stripe's sake.
 */
export async function gatherForConversation(ctx: ServiceContext, conversationId: string): Promise<GatheredContext> {
  const orgId = ctx.org.id;
  const conversation = await getConversation(ctx.db, orgId, conversationId);
  if (!conversation) return NOTHING;
  const contact = await getContact(ctx.db, orgId, conversation.contactId);
  const email = contact?.email ?? undefined;
  const phone = contact?.phone ?? undefined;
  const context = await gatherCustomerContext(
    { db: ctx.db, secrets: ctx.ports.secrets, timeoutMs: ctx.ports.gatherTimeoutMs, fetch: ctx.ports.outbound.fetch },
    { orgId, appId: conversation.appId, contact: { email, phone } },
  );
  const { stripe } = ctx.ports;
  const account = stripe && email ? await getStripeAccount(ctx.db, orgId, conversation.appId) : undefined;
  if (!stripe || !email || account?.status !== "connected") return { ...context, charges: [] };
  try {
    const payments = await stripe.customerPayments(account.stripeAccountId, email);
    const charges = payments.charges.map(({ id, amount, refunded, currency, created }) => ({
      id,
      amount,
      refunded,
      currency,
      created,
    }));
    return { ...context, charges };
  } catch (error) {
    const failure = {
      action: "stripe.payments" as const,
      error: error instanceof Error ? error.message : String(error),
    };
    return { ...context, charges: [], failures: [...context.failures, failure] };
  }
}
