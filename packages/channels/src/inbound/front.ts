import { signFront } from "./signers.js";
import {
  anySecretMatches,
  decodeBase64,
  type InboundVerifyResult,
  type WindowOptions,
  withinWindow,
} from "./verification.js";

/** Front (`signFront`): the timestamp header is in milliseconds. */
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
  const timestamp = input.timestamp;
  const matched = anySecretMatches(input.secrets, presented, (secret) =>
    Buffer.from(signFront(input.rawBody, timestamp, secret), "base64"),
  );
  if (!matched) return { ok: false, reason: "bad_signature" };
  if (!withinWindow(Number(input.timestamp) / 1000, input.window)) {
    return { ok: false, reason: "timestamp_out_of_range" };
  }
  return { ok: true, replayKey: `front:${presented.toString("hex")}` };
}
