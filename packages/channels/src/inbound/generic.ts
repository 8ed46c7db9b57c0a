import { createHash } from "node:crypto";
import { verifySignature } from "@support/sdk/signing";
import { type InboundVerifyResult, type WindowOptions, withinWindow } from "./verification.js";

/**
 * The platform's own scheme (`x-support-signature: t=…,v1=…`), shared with the SDK. The SDK's
 * verifier checks the MACs; the window is checked here with the inbound rules (future skew).
 */
export function verifyGeneric(input: {
  rawBody: Uint8Array;
  signature: string | undefined;
  secrets: string[];
  window?: WindowOptions;
}): InboundVerifyResult {
  if (!input.signature) return { ok: false, reason: "missing_headers" };
  const result = verifySignature({
    body: input.rawBody,
    header: input.signature,
    secrets: input.secrets,
    toleranceSeconds: Number.POSITIVE_INFINITY,
  });
  if (!result.ok)
    return { ok: false, reason: result.reason === "malformed_header" ? "malformed_header" : "bad_signature" };
  if (!withinWindow(result.timestamp, input.window)) return { ok: false, reason: "timestamp_out_of_range" };
  return {
    ok: true,
    replayKey: `generic:${result.timestamp}:${createHash("sha256").update(input.rawBody).digest("hex")}`,
  };
}
