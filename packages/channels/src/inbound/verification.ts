import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Shared rules for every inbound signature scheme: HMAC-SHA256 on the raw bytes, compared in
 * constant time, and a timestamp window checked separately from the signature. The window is
 * five minutes into the past; only a little clock skew is tolerated into the future, because a
 * request stamped later than now was not produced by the sender's clock in good faith.
 */
export const PAST_TOLERANCE_SECONDS = 300;
export const FUTURE_SKEW_SECONDS = 30;

export type InboundVerifyFailure =
  | "missing_headers"
  | "malformed_header"
  | "timestamp_out_of_range"
  | "bad_signature"
  | "replayed";

/**
 * `replayKey` names what was signed, not how the signature was spelled: decoded MAC bytes (or the
 * signed timestamp and body), so re-encoding a signature (hex case, base64 padding, header
 * layout) does not make a replay look new.
 */
export type InboundVerifyResult = { ok: true; replayKey: string } | { ok: false; reason: InboundVerifyFailure };

export function hmacSha256(secret: string | Buffer, ...parts: (string | Uint8Array)[]): Buffer {
  const mac = createHmac("sha256", secret);
  for (const part of parts) mac.update(part);
  return mac.digest();
}

/** Compares a computed MAC with a presented one without leaking where they differ. */
export function macEquals(expected: Buffer, presented: Buffer): boolean {
  if (expected.length !== presented.length) {
    // Still spend the comparison so a wrong length is not measurably faster.
    timingSafeEqual(expected, expected);
    return false;
  }
  return timingSafeEqual(expected, presented);
}

export function decodeBase64(value: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return undefined;
  return Buffer.from(value, "base64");
}

export function decodeHex(value: string): Buffer | undefined {
  if (!/^[0-9a-fA-F]+$/.test(value) || value.length % 2 !== 0) return undefined;
  return Buffer.from(value, "hex");
}

export interface WindowOptions {
  nowSeconds?: number;
  pastToleranceSeconds?: number;
  futureSkewSeconds?: number;
}

export function withinWindow(timestampSeconds: number, options: WindowOptions = {}): boolean {
  const now = options.nowSeconds ?? Date.now() / 1000;
  const age = now - timestampSeconds;
  return (
    age <= (options.pastToleranceSeconds ?? PAST_TOLERANCE_SECONDS) &&
    -age <= (options.futureSkewSeconds ?? FUTURE_SKEW_SECONDS)
  );
}

/** Any of several secrets may match (rotation); every secret is tried so timing does not tell which. */
export function anySecretMatches<K>(secrets: K[], presented: Buffer, compute: (secret: K) => Buffer): boolean {
  let matched = false;
  for (const secret of secrets) matched = macEquals(compute(secret), presented) || matched;
  return matched;
}
