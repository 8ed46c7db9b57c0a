import type { BillingAdapter, BillingSettings } from "./billing.js";
import type { StripeAdapter, StripeSettings } from "./stripe.js";

export type { BillingAdapter, BillingEvent, BillingSettings, CatalogueProduct, SyncReport } from "./billing.js";
export { BillingCatalogueError, StripePayloadError, StripeSignatureError } from "./errors.js";
export type { CustomerPayments, StripeAdapter, StripeEvent, StripeRefund, StripeSettings } from "./stripe.js";

/**
 * Loads the Stripe SDK only when Stripe is configured: every CLI command opens a runtime, and
 * most installations never connect Stripe, so they should not pay for loading its SDK.
 */
export async function loadStripeAdapter(settings: StripeSettings): Promise<StripeAdapter> {
  const { createStripeAdapter } = await import("./stripe.js");
  return createStripeAdapter(settings);
}

/** Stripe Billing for the platform's own plans, loaded only when billing is configured. */
export async function loadBillingAdapter(settings: BillingSettings): Promise<BillingAdapter> {
  const { createBillingAdapter } = await import("./billing.js");
  return createBillingAdapter(settings);
}
