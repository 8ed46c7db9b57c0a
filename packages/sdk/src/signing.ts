import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The platform's signature scheme, shared by both directions (product app → platform webhooks
 * and platform → product app calls): `x-support-signature: t=<unix seconds>,v1=<hex>[,v1=…]`,
 * HMAC-SHA256 over `"<t>.<raw body>"`. Several secrets may be active during rotation.
 */
export const SIGNATURE_HEADER = "x-support-signature";
export const DEFAULT_TOLERANCE_SECONDS = 300;

export type VerifyFailure = "malformed_header" | "timestamp_out_of_range" | "no_matching_signature";
export type VerifyResult = { ok: true; timestamp: number } | { ok: false; reason: VerifyFailure };

function hmacHex(secret: string, timestamp: number, body: Uint8Array | string): string {
  const mac = createHmac("sha256", secret);
  mac.update(`${timestamp}.`);
  mac.update(body);
  return mac.digest("hex");
}

/** One `v1` per secret, so a receiver holding any of them can verify during rotation. */
export function signPayload(
  body: Uint8Array | string,
  secrets: string[],
  timestamp = Math.floor(Date.now() / 1000),
): string {
  if (secrets.length === 0) throw new Error("at least one signing secret is required");
  return [`t=${timestamp}`, ...secrets.map((s) => `v1=${hmacHex(s, timestamp, body)}`)].join(",");
}

function parseHeader(header: string): { timestamp: number; signatures: Buffer[] } | undefined {
  let timestamp: number | undefined;
  const signatures: Buffer[] = [];
  for (const part of header.split(",")) {
    const eq = part.indexOf("=");
    if (eq <= 0) return undefined;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === "t") {
      if (!/^\d{1,12}$/.test(value) || timestamp !== undefined) return undefined;
      timestamp = Number(value);
    } else if (key === "v1") {
      if (!/^[0-9a-f]{64}$/.test(value)) return undefined;
      signatures.push(Buffer.from(value, "hex"));
    }
  }
  return timestamp === undefined || signatures.length === 0 ? undefined : { timestamp, signatures };
}

/**
 * Verifies on the raw bytes, in constant time per comparison. A timestamp more than
 * `toleranceSeconds` away in either direction (past or future) is rejected.
 */
export function verifySignature(input: {
  body: Uint8Array | string;
  header: string | null | undefined;
  secrets: string[];
  now?: number;
  toleranceSeconds?: number;
}): VerifyResult {
  const parsed = input.header ? parseHeader(input.header) : undefined;
  if (!parsed) return { ok: false, reason: "malformed_header" };
  const now = input.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - parsed.timestamp) > (input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) {
    return { ok: false, reason: "timestamp_out_of_range" };
  }
  let matched = false;
  for (const secret of input.secrets) {
    const expected = Buffer.from(hmacHex(secret, parsed.timestamp, input.body), "hex");
    for (const candidate of parsed.signatures) {
      // Both are 32 bytes (the header parser guarantees it); every comparison runs, match or not.
      matched = timingSafeEqual(expected, candidate) || matched;
    }
  }
  return matched ? { ok: true, timestamp: parsed.timestamp } : { ok: false, reason: "no_matching_signature" };
}
