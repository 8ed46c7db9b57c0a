import { createHash, randomBytes } from "node:crypto";
import { type ApiKey, type Db, findActiveApiKeyByHash, insertApiKey, touchApiKey } from "@support/db";

export const ROLES = ["owner", "admin", "agent"] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { agent: 1, admin: 2, owner: 3 };
export const roleAtLeast = (role: Role, needed: Role) => RANK[role] >= RANK[needed];

export function hashApiKey(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new key: the token is returned once and only its SHA-256 is stored. */
export async function createApiKey(
  db: Db,
  orgId: string,
  input: { name: string; role: Role },
): Promise<{ key: ApiKey; token: string }> {
  const token = `sk_${randomBytes(24).toString("base64url")}`;
  const key = await insertApiKey(db, orgId, {
    name: input.name,
    role: input.role,
    prefix: token.slice(0, 10),
    hash: hashApiKey(token),
  });
  return { key, token };
}

const LAST_USED_RESOLUTION_MS = 60_000;

/** Resolves a bearer token; `lastUsedAt` is refreshed at most once a minute to spare writes. */
export async function authenticateApiKey(db: Db, token: string, now = new Date()): Promise<ApiKey | undefined> {
  if (!/^sk_[A-Za-z0-9_-]{20,}$/.test(token)) return undefined;
  const key = await findActiveApiKeyByHash(db, hashApiKey(token));
  if (key && (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS)) {
    await touchApiKey(db, key.orgId, key.id, now);
    key.lastUsedAt = now;
  }
  return key;
}

export function publicApiKey(key: ApiKey) {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    role: key.role,
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
    createdAt: key.createdAt.toISOString(),
  };
}
