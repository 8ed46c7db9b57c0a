import {
  anySecretMatches,
  decodeBase64,
  hmacSha256,
  type InboundVerifyResult,
  type WindowOptions,
  withinWindow,
} from "./verification.js";

/**
 * Zendesk: base64 HMAC-SHA256 of `timestamp + raw body`, the secret used as its UTF-8 text
 * (not base64-decoded, although it looks like base64), timestamp ISO-8601.
 */
export function verifyZendesk(input: {
  rawBody: Uint8Array;
  timestamp: string | undefined;
  signature: string | undefined;
  secrets: string[];
  window?: WindowOptions;
}): InboundVerifyResult {
  if (!input.timestamp || !input.signature) return { ok: false, reason: "missing_headers" };
  const presented = decodeBase64(input.signature);
  const millis = Date.parse(input.timestamp);
  if (!presented || Number.isNaN(millis) || !/^\d{4}-\d{2}-\d{2}T/.test(input.timestamp)) {
    return { ok: false, reason: "malformed_header" };
  }
  const matched = anySecretMatches(input.secrets, presented, (secret) =>
    hmacSha256(secret, input.timestamp ?? "", input.rawBody),
  );
  if (!matched) return { ok: false, reason: "bad_signature" };
  if (!withinWindow(millis / 1000, input.window)) return { ok: false, reason: "timestamp_out_of_range" };
  return { ok: true, replayKey: `zendesk:${input.signature}` };
}
