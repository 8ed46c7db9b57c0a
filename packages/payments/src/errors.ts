/** The Stripe-Signature header did not verify over the raw body (or was missing). */
export class StripeSignatureError extends Error {}
