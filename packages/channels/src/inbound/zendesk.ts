import { signZendesk } from "./signers.js";
import {
  anySecretMatches,
  decodeBase64,
  type InboundVerifyResult,
  type WindowOptions,
  withinWindow,
} from "./verification.js";

/** Zendesk (`signZendesk`): the timestamp header is ISO-8601. */
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
  const timestamp = input.timestamp;
  const matched = anySecretMatches(input.secrets, presented, (secret) =>
    Buffer.from(signZendesk(input.rawBody, timestamp, secret), "base64"),
  );
  if (!matched) return { ok: false, reason: "bad_signature" };
  if (!withinWindow(millis / 1000, input.window)) return { ok: false, reason: "timestamp_out_of_range" };
  return { ok: true, replayKey: `zendesk:${presented.toString("hex")}` };
}
