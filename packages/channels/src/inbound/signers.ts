import { hmacSha256 } from "./verification.js";

/**
 * How each vendor signs the webhooks it sends: the one definition of every scheme. The verifiers
 * compute their expected value with these, and whatever has to produce a vendor's request (the
 * channel test message, test suites, e2e) signs with them, so the two directions cannot drift.
 * Each answers the signature header's value exactly as the vendor sends it. The platform's own
 * scheme (`x-support-signature`) lives in `@support/sdk/signing`.
 */

type RawBody = string | Uint8Array;

/** Front: `x-front-signature` = base64 HMAC-SHA256 of `"<timestamp ms>:<raw body>"`. */
export function signFront(rawBody: RawBody, timestamp: string, secret: string): string {
  return hmacSha256(secret, `${timestamp}:`, rawBody).toString("base64");
}

/**
 * Zendesk: `x-zendesk-webhook-signature` = base64 HMAC-SHA256 of `timestamp + raw body`
 * (ISO-8601 timestamp), keyed with the secret's UTF-8 text although it looks like base64.
 */
export function signZendesk(rawBody: RawBody, timestamp: string, secret: string): string {
  return hmacSha256(secret, timestamp, rawBody).toString("base64");
}

/** WhatsApp Cloud API (Meta): `x-hub-signature-256` = `sha256=<hex HMAC-SHA256 of the raw bytes>`. */
export function signWhatsApp(rawBody: RawBody, secret: string): string {
  return `sha256=${hmacSha256(secret, rawBody).toString("hex")}`;
}

/** Slack v0: `x-slack-signature` = `v0=<hex HMAC-SHA256 of "v0:<timestamp>:<raw body>">`. */
export function signSlack(rawBody: RawBody, timestamp: string, secret: string): string {
  return `v0=${hmacSha256(secret, `v0:${timestamp}:`, rawBody).toString("hex")}`;
}

/**
 * Standard Webhooks: `webhook-signature` = `v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<raw body>">`,
 * keyed with the bytes of the secret's base64 part (after `whsec_`).
 */
export function signStandardWebhook(rawBody: RawBody, id: string, timestamp: string, secret: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return `v1,${hmacSha256(key, `${id}.${timestamp}.`, rawBody).toString("base64")}`;
}
