import { createHmac, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createSecretBox, type SecretBox } from "@support/db";
import type { Config } from "./config.js";

/**
 * The master key for secrets at rest. Production must configure SECRETS_KEY; the embedded
 * default generates one into DATA_DIR on first start (mode 0600) so no setup is needed.
 */
export function loadMasterKey(config: Config): Buffer {
  if (config.secretsKey) return Buffer.from(config.secretsKey, "base64");
  const path = join(config.dataDir, "secrets.key");
  if (!existsSync(path)) {
    mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(path, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
  }
  return Buffer.from(readFileSync(path, "utf8").trim(), "base64");
}

export function loadSecretBox(masterKey: Buffer): SecretBox {
  return createSecretBox({ 1: masterKey }, 1);
}

/** A purpose-bound secret derived from the master key, so one key backs every subsystem. */
export function deriveSecret(masterKey: Buffer, purpose: string): string {
  return createHmac("sha256", masterKey).update(purpose).digest("base64url");
}
