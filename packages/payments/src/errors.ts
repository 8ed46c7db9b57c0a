/** The Stripe-Signature header did not verify over the raw body (or was missing). */
export class StripeSignatureError extends Error {}

/**
 * A signed event whose body is not the shape its type promises (not JSON, a dispute without a
 * charge, a subscription without items): the sender's defect, refused rather than crashed on.
 */
export class StripePayloadError extends Error {}

/** Checkout named a price Stripe does not have: the catalogue was not synced (`skill billing sync`). */
export class BillingCatalogueError extends Error {}
