import { signSlack } from "./signers.js";
import {
  anySecretMatches,
  decodeHex,
  type InboundVerifyResult,
  type WindowOptions,
  withinWindow,
} from "./verification.js";

/** Slack v0 (`signSlack`), timestamp in seconds. */
export function verifySlack(input: {
  rawBody: Uint8Array;
  timestamp: string | undefined;
  signature: string | undefined;
  secrets: string[];
  window?: WindowOptions;
}): InboundVerifyResult {
  if (!input.timestamp || !input.signature) return { ok: false, reason: "missing_headers" };
  const match = /^v0=([0-9a-fA-F]{64})$/.exec(input.signature);
  const presented = match?.[1] ? decodeHex(match[1]) : undefined;
  if (!presented || !/^\d{1,12}$/.test(input.timestamp)) return { ok: false, reason: "malformed_header" };
  const timestamp = input.timestamp;
  const matched = anySecretMatches(input.secrets, presented, (secret) =>
    Buffer.from(signSlack(input.rawBody, timestamp, secret).slice("v0=".length), "hex"),
  );
  if (!matched) return { ok: false, reason: "bad_signature" };
  if (!withinWindow(Number(input.timestamp), input.window)) return { ok: false, reason: "timestamp_out_of_range" };
  return { ok: true, replayKey: `slack:${presented.toString("hex")}` };
}
