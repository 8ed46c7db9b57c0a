import {
  anySecretMatches,
  decodeBase64,
  hmacSha256,
  type InboundVerifyResult,
  type WindowOptions,
  withinWindow,
} from "./verification.js";

/**
 * Standard Webhooks (used by several mail and form providers): `webhook-signature: v1,<base64>`
 * (space-separated list) over `"<webhook-id>.<webhook-timestamp>.<raw body>"`, with the secret's
 * base64 part (after `whsec_`) decoded to bytes.
 */
export function verifyStandardWebhook(input: {
  rawBody: Uint8Array;
  id: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
  secrets: string[];
  window?: WindowOptions;
}): InboundVerifyResult {
  if (!input.id || !input.timestamp || !input.signature) return { ok: false, reason: "missing_headers" };
  if (!/^\d{1,12}$/.test(input.timestamp)) return { ok: false, reason: "malformed_header" };
  const presented = input.signature
    .split(" ")
    .filter((part) => part.startsWith("v1,"))
    .map((part) => decodeBase64(part.slice(3)))
    .filter((mac): mac is Buffer => mac !== undefined);
  if (presented.length === 0) return { ok: false, reason: "malformed_header" };
  const keys = input.secrets.map((s) => Buffer.from(s.replace(/^whsec_/, ""), "base64"));
  let matched = false;
  for (const mac of presented) {
    matched =
      anySecretMatches(keys, mac, (key) => hmacSha256(key, `${input.id}.${input.timestamp}.`, input.rawBody)) ||
      matched;
  }
  if (!matched) return { ok: false, reason: "bad_signature" };
  if (!withinWindow(Number(input.timestamp), input.window)) return { ok: false, reason: "timestamp_out_of_range" };
  return { ok: true, replayKey: `standard:${input.id}:${input.signature}` };
}
