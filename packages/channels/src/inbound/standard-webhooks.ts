import { signStandardWebhook } from "./signers.js";
import {
  anySecretMatches,
  decodeBase64,
  type InboundVerifyResult,
  type WindowOptions,
  withinWindow,
} from "./verification.js";

/**
 * Standard Webhooks (used by several mail and form providers; `signStandardWebhook`): the
 * `webhook-signature` header may carry a space-separated list of `v1,<base64>` signatures.
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
  const { id, timestamp } = input;
  const expected = (secret: string) =>
    Buffer.from(signStandardWebhook(input.rawBody, id, timestamp, secret).slice("v1,".length), "base64");
  let matched = false;
  for (const mac of presented) matched = anySecretMatches(input.secrets, mac, expected) || matched;
  if (!matched) return { ok: false, reason: "bad_signature" };
  if (!withinWindow(Number(input.timestamp), input.window)) return { ok: false, reason: "timestamp_out_of_range" };
  return { ok: true, replayKey: `standard:${input.id}:${input.signature}` };
}
