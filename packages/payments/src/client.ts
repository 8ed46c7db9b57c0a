import Stripe from "stripe";
import { StripePayloadError, StripeSignatureError } from "./errors.js";

/** The official SDK pointed at `apiBase` (https://api.stripe.com in production, a fake on 127.0.0.1 in tests). */
export function newStripeClient(secretKey: string, apiBase = "https://api.stripe.com"): Stripe {
  const base = new URL(apiBase);
  return new Stripe(secretKey, {
    host: base.hostname,
    port: base.port ? Number(base.port) : undefined,
    protocol: base.protocol === "http:" ? "http" : "https",
    maxNetworkRetries: 2,
    timeout: 10_000,
  });
}

/**
 * Verifies a webhook's signature on the raw body with the SDK, then narrows the event to what the
 * caller handles; a body missing what its type promises makes `narrow` throw a TypeError.
 */
export function verifiedStripeEvent<T>(
  stripe: Stripe,
  webhookSecret: string,
  rawBody: string | Buffer,
  signature: string | undefined,
  narrow: (event: Stripe.Event) => T,
): T {
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(rawBody, signature ?? "", webhookSecret);
  } catch (error) {
    // The SDK parses the body only once the signature verified: a syntax error is a bad body.
    if (error instanceof SyntaxError) throw new StripePayloadError("the signed body is not JSON");
    throw new StripeSignatureError((error as Error).message);
  }
  try {
    return narrow(event);
  } catch (error) {
    if (error instanceof TypeError) throw new StripePayloadError(`malformed ${event.type} event`);
    throw error;
  }
}
