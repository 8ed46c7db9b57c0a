import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Secrets at rest: AES-256-GCM. The stored form is `v<version>:<iv>:<tag>:<ciphertext>`
 * (base64url parts) so the master key can rotate: old versions stay readable while keys
 * for them are still configured.
 */
export interface SecretBox {
  encrypt(plaintext: string): string;
  decrypt(stored: string): string;
  /**
   * An HMAC-SHA256 tag of `message` under a key derived (HKDF) from the master key for `purpose`,
   * as `<version>.<base64url>`: links the platform signs (a reply's rating link) need no key of
   * their own, and a tag made before a rotation still verifies while its key is configured.
   */
  mac(purpose: string, message: string): string;
  verifyMac(purpose: string, message: string, tag: string): boolean;
}

export class SecretsError extends Error {
  readonly code = "secrets_invalid";
}

export function createSecretBox(keys: Record<number, Buffer>, currentVersion: number): SecretBox {
  for (const [version, key] of Object.entries(keys)) {
    if (key.length !== 32) throw new SecretsError(`secrets key v${version} must be 32 bytes`);
  }
  const current = keys[currentVersion];
  if (!current) throw new SecretsError(`no secrets key for version ${currentVersion}`);
  const tagOf = (key: Buffer, purpose: string, message: string) => {
    const derived = Buffer.from(hkdfSync("sha256", key, Buffer.alloc(0), `support mac: ${purpose}`, 32));
    return createHmac("sha256", derived).update(message, "utf8").digest();
  };
  return {
    mac(purpose, message) {
      return `${currentVersion}.${tagOf(current, purpose, message).toString("base64url")}`;
    },
    verifyMac(purpose, message, tag) {
      const [v, body] = tag.split(".");
      const key = keys[Number(v)];
      if (!key || !body) return false;
      const expected = tagOf(key, purpose, message);
      const given = Buffer.from(body, "base64url");
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", current, iv);
      const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [`v${currentVersion}`, iv, tag, body]
        .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
        .join(":");
    },
    decrypt(stored) {
      const [v, iv, tag, body] = stored.split(":");
      const version = Number(v?.slice(1));
      const key = keys[version];
      if (!key || !iv || !tag || body === undefined) throw new SecretsError("unreadable secret");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      try {
        return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
      } catch {
        throw new SecretsError("secret failed authentication");
      }
    },
  };
}
