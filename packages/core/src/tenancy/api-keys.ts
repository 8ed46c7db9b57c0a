import { createHash, randomBytes } from "node:crypto";
import type { ApiKeyView, CreatedApiKey, CreateKeyInput } from "@support/contract";
import {
  type ApiKey,
  type Db,
  findActiveApiKeyByHash,
  insertApiKey,
  listApiKeys,
  revokeApiKey,
  touchApiKey,
} from "@support/db";
import { commitChange } from "../service/change.js";
import { type Role, requireRole, type ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";

export function hashApiKey(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function publicApiKey(key: ApiKey): ApiKeyView {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    role: key.role as Role,
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
    createdAt: key.createdAt.toISOString(),
  };
}

/** A new key with its audit row; the token is returned once and only its SHA-256 is stored. Owners only. */
export async function createApiKey(ctx: ServiceContext, input: CreateKeyInput): Promise<CreatedApiKey> {
  requireRole(ctx, "owner");
  return commitChange(ctx, async (tx, log) => {
    const { key, token } = await insertNewKey(tx, ctx.org.id, input);
    await log.audit({ action: "api_key.created", subject: key.id });
    return { ...publicApiKey(key), token };
  });
}

/** Writes a key row and answers its token (shown once). */
export async function insertNewKey(
  db: Db,
  orgId: string,
  input: CreateKeyInput,
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

/** The organization's keys (never their tokens); owners only. */
export async function listApiKeyViews(ctx: ServiceContext): Promise<ApiKeyView[]> {
  requireRole(ctx, "owner");
  return (await listApiKeys(ctx.db, ctx.org.id)).map(publicApiKey);
}

/** Revokes a key with its audit row; owners only. */
export async function revokeKey(ctx: ServiceContext, id: string): Promise<{ id: string; revoked: true }> {
  requireRole(ctx, "owner");
  return commitChange(ctx, async (tx, log) => {
    if (!(await revokeApiKey(tx, ctx.org.id, id))) throw new AppError("not_found", `API key ${id} not found`);
    await log.audit({ action: "api_key.revoked", subject: id });
    return { id, revoked: true as const };
  });
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
