/** The Stripe-Signature header did not verify over the raw body (or was missing). */
export class StripeSignatureError extends Error {}

/** Checkout named a price Stripe does not have: the catalogue was not synced (`skill billing sync`). */
export class BillingCatalogueError extends Error {}
