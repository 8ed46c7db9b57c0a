import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createSecretBox, type SecretBox } from "@support/db";
import type { Config } from "./config.js";

/**
 * The master key for secrets at rest. Production must configure SECRETS_KEY; the embedded
 * default generates one into DATA_DIR on first start (mode 0600) so no setup is needed.
 */
export function loadSecretBox(config: Config): SecretBox {
  if (config.secretsKey) return createSecretBox({ 1: Buffer.from(config.secretsKey, "base64") }, 1);
  const path = join(config.dataDir, "secrets.key");
  if (!existsSync(path)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(path, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
  }
  return createSecretBox({ 1: Buffer.from(readFileSync(path, "utf8").trim(), "base64") }, 1);
}
