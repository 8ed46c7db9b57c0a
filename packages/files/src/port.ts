import { createHash } from "node:crypto";

/**
 * Where the platform keeps the files customers send (widget uploads, email attachments): the
 * embedded store under `DATA_DIR`, or an S3-compatible bucket (R2, S3) in production. Keys are
 * `<org id>/<sha-256 of the bytes>`: content-addressed inside one organization, never shared
 * across organizations, so deleting one tenant's file can never remove another's.
 */
export interface FileStore {
  /** `embedded` or `s3`, for `/ready`-style reports and logs. */
  readonly kind: "embedded" | "s3";
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The bytes, or undefined when nothing is stored under the key. */
  get(key: string): Promise<Uint8Array | undefined>;
  /** Removes the key; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}

/** An org id (`org_` and a ULID), a slash, 64 hex digits: nothing else can reach a path or a bucket key. */
const KEY = /^org_[0-9A-Z]{26}\/[0-9a-f]{64}$/;

export class InvalidFileKeyError extends Error {}

/** The key of these bytes in this organization. */
export function fileKey(orgId: string, bytes: Uint8Array): string {
  const key = `${orgId}/${createHash("sha256").update(bytes).digest("hex")}`;
  return checkKey(key);
}

/** Refuses any key that is not exactly `<org id>/<sha-256>` (no `..`, no separators, no other tenant's prefix shape). */
export function checkKey(key: string): string {
  if (!KEY.test(key)) throw new InvalidFileKeyError("not a file key");
  return key;
}
