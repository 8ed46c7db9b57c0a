import Stripe from "stripe";

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
