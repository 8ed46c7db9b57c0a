import {
  anySecretMatches,
  decodeBase64,
  hmacSha256,
  type InboundVerifyResult,
  type WindowOptions,
  withinWindow,
} from "./verification.js";

/** Front: base64 HMAC-SHA256 of `"<x-front-request-timestamp>:<raw body>"`; the timestamp is in ms. */
export function verifyFront(input: {
  rawBody: Uint8Array;
  timestamp: string | undefined;
  signature: string | undefined;
  secrets: string[];
  window?: WindowOptions;
}): InboundVerifyResult {
  if (!input.timestamp || !input.signature) return { ok: false, reason: "missing_headers" };
  const presented = decodeBase64(input.signature);
  if (!/^\d{10,16}$/.test(input.timestamp) || !presented) return { ok: false, reason: "malformed_header" };
  const matched = anySecretMatches(input.secrets, presented, (secret) =>
    hmacSha256(secret, `${input.timestamp}:`, input.rawBody),
  );
  if (!matched) return { ok: false, reason: "bad_signature" };
  if (!withinWindow(Number(input.timestamp) / 1000, input.window)) {
    return { ok: false, reason: "timestamp_out_of_range" };
  }
  return { ok: true, replayKey: `front:${input.signature}` };
}
