import type { StripeAdapter, StripeSettings } from "./stripe.js";

export { StripeSignatureError } from "./errors.js";
export type { CustomerPayments, StripeAdapter, StripeEvent, StripeRefund, StripeSettings } from "./stripe.js";

/**
 * Loads the Stripe SDK only when Stripe is configured: every CLI command opens a runtime, and
 * most installations never connect Stripe, so they should not pay for loading its SDK.
 */
export async function loadStripeAdapter(settings: StripeSettings): Promise<StripeAdapter> {
  const { createStripeAdapter } = await import("./stripe.js");
  return createStripeAdapter(settings);
}
