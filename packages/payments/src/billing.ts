import type Stripe from "stripe";
import { newStripeClient, verifiedStripeEvent } from "./client.js";
import { BillingCatalogueError } from "./errors.js";

export interface BillingSettings {
  secretKey: string;
  /** The signing secret of the platform account's billing webhook endpoint. */
  webhookSecret: string;
  apiBase?: string;
}

/** What `skill billing sync` publishes: one product per plan, its monthly and overage prices. */
export interface CatalogueProduct {
  /** Our product id (`support_plan_<plan>`), used as Stripe's product id. */
  id: string;
  name: string;
  prices: {
    lookupKey: string;
    currency: string;
    unitAmount: number;
    /** `licensed`: the monthly fee; `metered`: per AI draft beyond the quota, through the meter. */
    usage: "licensed" | "metered";
  }[];
}

export interface SyncReport {
  products: { created: number; updated: number; unchanged: number };
  prices: { created: number; unchanged: number };
  meter: { id: string; created: boolean };
}

/** The billing events the platform acts on; anything else verified is acknowledged and ignored. */
export type BillingEvent =
  | {
      kind: "subscription";
      eventId: string;
      type: string;
      created: Date;
      customerId: string;
      subscriptionId: string;
      status: string;
      /** The lookup key of the subscription's licensed (monthly) price: it names the plan. */
      lookupKey: string | null;
      currency: string;
      periodStart: Date | null;
      periodEnd: Date | null;
      orgId: string | null;
    }
  | { kind: "checkout"; eventId: string; type: string; created: Date; customerId: string; orgId: string | null }
  | { kind: "other"; eventId: string; type: string; created: Date };

/** The Billing meter AI drafts beyond the quota are reported to. */
export const AI_DRAFT_METER_EVENT = "support_ai_draft";

const at = (seconds: number | null | undefined) => (seconds ? new Date(seconds * 1000) : null);
const idOf = (value: string | { id: string } | null) => (typeof value === "string" ? value : (value?.id ?? null));

/**
 * Stripe Billing on the platform's own account: the plan catalogue, customers, Checkout, the
 * Customer Portal, subscription webhooks and meter events. Every write that could be retried
 * carries an idempotency key or a lookup key, so a repeat finds what the first call made.
 */
export function createBillingAdapter(settings: BillingSettings) {
  const stripe = newStripeClient(settings.secretKey, settings.apiBase);

  async function priceByLookupKey(lookupKey: string): Promise<Stripe.Price | undefined> {
    const found = await stripe.prices.list({ lookup_keys: [lookupKey], active: true, limit: 1 });
    return found.data[0];
  }

  async function ensureMeter(): Promise<{ id: string; created: boolean }> {
    const meters = await stripe.billing.meters.list({ status: "active", limit: 100 });
    const existing = meters.data.find((m) => m.event_name === AI_DRAFT_METER_EVENT);
    if (existing) return { id: existing.id, created: false };
    const meter = await stripe.billing.meters.create(
      {
        display_name: "AI drafts beyond the plan",
        event_name: AI_DRAFT_METER_EVENT,
        default_aggregation: { formula: "sum" },
      },
      { idempotencyKey: `meter-${AI_DRAFT_METER_EVENT}` },
    );
    return { id: meter.id, created: true };
  }

  async function ensureProduct(product: CatalogueProduct, report: SyncReport): Promise<void> {
    let current: Stripe.Product | undefined;
    try {
      current = await stripe.products.retrieve(product.id);
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode !== 404) throw error;
    }
    if (!current) {
      await stripe.products.create({ id: product.id, name: product.name });
      report.products.created++;
    } else if (current.name !== product.name || !current.active) {
      await stripe.products.update(product.id, { name: product.name, active: true });
      report.products.updated++;
    } else {
      report.products.unchanged++;
    }
  }

  return {
    /**
     * Creates or updates the products and prices of the catalogue. Prices are immutable in
     * Stripe: a changed amount is a new price that takes the lookup key over
     * (`transfer_lookup_key`), so existing subscriptions keep theirs until they change plan.
     */
    async syncCatalogue(products: CatalogueProduct[]): Promise<SyncReport> {
      const report: SyncReport = {
        products: { created: 0, updated: 0, unchanged: 0 },
        prices: { created: 0, unchanged: 0 },
        meter: { id: "", created: false },
      };
      if (products.some((p) => p.prices.some((price) => price.usage === "metered"))) report.meter = await ensureMeter();
      for (const product of products) {
        await ensureProduct(product, report);
        for (const price of product.prices) {
          const current = await priceByLookupKey(price.lookupKey);
          if (
            current &&
            current.unit_amount === price.unitAmount &&
            current.currency === price.currency.toLowerCase() &&
            idOf(current.product) === product.id
          ) {
            report.prices.unchanged++;
            continue;
          }
          await stripe.prices.create({
            product: product.id,
            currency: price.currency.toLowerCase(),
            unit_amount: price.unitAmount,
            lookup_key: price.lookupKey,
            transfer_lookup_key: true,
            recurring:
              price.usage === "metered"
                ? { interval: "month", usage_type: "metered", meter: report.meter.id }
                : { interval: "month", usage_type: "licensed" },
          });
          report.prices.created++;
        }
      }
      return report;
    },

    /** One Stripe customer per organization (the idempotency key makes a retry find the first). */
    async createCustomer(input: { orgId: string; name: string; email?: string }): Promise<string> {
      const customer = await stripe.customers.create(
        { name: input.name, email: input.email, metadata: { orgId: input.orgId } },
        { idempotencyKey: `customer-${input.orgId}` },
      );
      return customer.id;
    },

    /** A hosted Checkout page subscribing the customer to the plan's monthly price (and its overage). */
    async checkoutSession(input: {
      customerId: string;
      orgId: string;
      lookupKey: string;
      overageLookupKey?: string;
      successUrl: string;
      cancelUrl: string;
    }): Promise<{ id: string; url: string }> {
      const price = await priceByLookupKey(input.lookupKey);
      if (!price)
        throw new BillingCatalogueError(
          `no Stripe price has the lookup key ${input.lookupKey}: run skill billing sync`,
        );
      const lineItems: Stripe.Checkout.SessionCreateParams.LineItem[] = [{ price: price.id, quantity: 1 }];
      if (input.overageLookupKey) {
        const overage = await priceByLookupKey(input.overageLookupKey);
        if (overage) lineItems.push({ price: overage.id });
      }
      const session = await stripe.checkout.sessions.create({
        mode: "subscription",
        customer: input.customerId,
        client_reference_id: input.orgId,
        line_items: lineItems,
        subscription_data: { metadata: { orgId: input.orgId } },
        success_url: input.successUrl,
        cancel_url: input.cancelUrl,
      });
      if (!session.url) throw new Error("Stripe answered the Checkout session without a url");
      return { id: session.id, url: session.url };
    },

    /** The Customer Portal, where the owner changes plan, updates the card or cancels. */
    async portalSession(input: { customerId: string; returnUrl: string }): Promise<{ url: string }> {
      const session = await stripe.billingPortal.sessions.create({
        customer: input.customerId,
        return_url: input.returnUrl,
      });
      return { url: session.url };
    },

    /** One AI draft beyond the quota; Stripe drops a repeated identifier, so a retry bills once. */
    async reportOverage(input: { customerId: string; identifier: string; at: Date }): Promise<void> {
      await stripe.billing.meterEvents.create({
        event_name: AI_DRAFT_METER_EVENT,
        identifier: input.identifier,
        timestamp: Math.floor(input.at.getTime() / 1000),
        payload: { stripe_customer_id: input.customerId, value: "1" },
      });
    },

    /** Verifies the signature on the raw body with the SDK and narrows the event to what we handle. */
    parseWebhook(rawBody: string | Buffer, signature: string | undefined): BillingEvent {
      return verifiedStripeEvent(stripe, settings.webhookSecret, rawBody, signature, narrowEvent);
    },
  };
}

/** What a verified event means to the platform; a body missing what its type promises throws a TypeError. */
function narrowEvent(event: Stripe.Event): BillingEvent {
  const base = { eventId: event.id, type: event.type, created: new Date(event.created * 1000) };
  if (event.type.startsWith("customer.subscription.")) {
    const sub = event.data.object as Stripe.Subscription;
    const licensed = sub.items.data.find((i) => i.price.recurring?.usage_type !== "metered") ?? sub.items.data[0];
    return {
      kind: "subscription",
      ...base,
      customerId: idOf(sub.customer) ?? "",
      subscriptionId: sub.id,
      status: sub.status,
      lookupKey: licensed?.price.lookup_key ?? null,
      currency: sub.currency.toUpperCase(),
      periodStart: at(licensed?.current_period_start),
      periodEnd: at(licensed?.current_period_end),
      orgId: sub.metadata?.orgId ?? null,
    };
  }
  if (event.type === "checkout.session.completed") {
    const session = event.data.object;
    return {
      kind: "checkout",
      ...base,
      customerId: idOf(session.customer) ?? "",
      orgId: session.client_reference_id ?? null,
    };
  }
  return { kind: "other", ...base };
}

export type BillingAdapter = ReturnType<typeof createBillingAdapter>;
