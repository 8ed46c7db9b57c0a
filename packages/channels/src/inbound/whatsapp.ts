import { signWhatsApp } from "./signers.js";
import { anySecretMatches, decodeHex, type InboundVerifyResult } from "./verification.js";

const macOf = (header: string) => Buffer.from(header.slice("sha256=".length), "hex");

/**
 * WhatsApp Cloud API (Meta), `signWhatsApp`. Meta signs the bytes it sent, with non-ASCII escaped
 * as \uXXXX: verifying a re-serialised body would fail, which is why only the raw bytes are ever
 * used. There is no timestamp to check.
 */
export function verifyWhatsApp(input: {
  rawBody: Uint8Array;
  signature: string | undefined;
  secrets: string[];
}): InboundVerifyResult {
  if (!input.signature) return { ok: false, reason: "missing_headers" };
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(input.signature);
  const presented = match?.[1] ? decodeHex(match[1]) : undefined;
  if (!presented) return { ok: false, reason: "malformed_header" };
  const matched = anySecretMatches(input.secrets, presented, (secret) => macOf(signWhatsApp(input.rawBody, secret)));
  return matched
    ? { ok: true, replayKey: `whatsapp:${presented.toString("hex")}` }
    : { ok: false, reason: "bad_signature" };
}

/** The GET handshake Meta performs when the webhook is configured. */
export function whatsAppChallenge(
  query: { mode?: string; verifyToken?: string; challenge?: string },
  expectedToken: string | undefined,
): string | undefined {
  if (query.mode !== "subscribe" || !expectedToken || !query.verifyToken || query.challenge === undefined) {
    return undefined;
  }
  const a = Buffer.from(query.verifyToken);
  const b = Buffer.from(expectedToken);
  const same = a.length === b.length && anySecretMatches([expectedToken], a, () => b);
  return same ? query.challenge : undefined;
}
