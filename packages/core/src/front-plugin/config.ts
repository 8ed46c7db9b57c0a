import { randomBytes } from "node:crypto";
import type { FrontPluginConnectBody, FrontPluginSecretView, FrontPluginView } from "@support/contract";
import {
  type FrontPluginConfigRow,
  getFrontPluginConfig,
  getOrganizationById,
  listMembersWithEmail,
  saveFrontPluginConfig,
} from "@support/db";
import { commitChange } from "../service/change.js";
import { requireRole, type ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";

/**
 * The plugin URL to register in Front: the organization's slug names the tenant, and `key` (when
 * given) is a secret this platform generated. Front adds its own `auth_secret` when it renders the
 * page; the page sends `key` when present, else Front's secret (ADR 0146).
 */
async function pluginUrl(ctx: ServiceContext, key?: string): Promise<string> {
  const org = await getOrganizationById(ctx.db, ctx.org.id);
  if (!org) throw new AppError("not_found", "organization not found");
  const query = new URLSearchParams({ org: org.slug, ...(key ? { key } : {}) });
  return `${ctx.ports.publicUrl}/front-plugin/?${query}`;
}

async function view(ctx: ServiceContext, row: FrontPluginConfigRow | undefined): Promise<FrontPluginView> {
  const members = await listMembersWithEmail(ctx.db, ctx.org.id);
  return {
    configured: Boolean(row),
    updatedAt: row?.updatedAt.toISOString() ?? null,
    pluginUrl: await pluginUrl(ctx),
    teammates: members.map((m) => ({ email: m.email, role: m.role, actor: `user:${m.userId}` })),
  };
}

/**
 * Whether the organization registered its Front plugin, the URL to register, and which member a
 * Front teammate acts as (same email); any member, like the members list.
 */
export async function describeFrontPlugin(ctx: ServiceContext): Promise<FrontPluginView> {
  return view(ctx, await getFrontPluginConfig(ctx.db, ctx.org.id));
}

async function storeSecret(ctx: ServiceContext, secret: string, generated: boolean): Promise<FrontPluginConfigRow> {
  return commitChange(ctx, async (tx, log) => {
    const saved = await saveFrontPluginConfig(tx, ctx.org.id, {
      secretCiphertext: ctx.ports.secrets.encrypt(secret),
    });
    await log.audit({
      action: generated ? "front_plugin.secret_rotated" : "front_plugin.configured",
      subject: ctx.org.id,
      data: { secrets: ["secret"] },
    });
    return saved;
  });
}

/**
 * Stores (or replaces) the plugin's auth secret that Front passes to the plugin page; admins
 * only. Encrypted at rest, never returned, and the audit row says only that it changed.
 */
export async function configureFrontPlugin(
  ctx: ServiceContext,
  input: FrontPluginConnectBody,
): Promise<FrontPluginView> {
  requireRole(ctx, "admin");
  const secret = input.secret.trim();
  if (secret.length < 16) throw new AppError("invalid_input", "frontPlugin.secret: at least 16 characters");
  return view(ctx, await storeSecret(ctx, secret, false));
}

/**
 * Replaces the plugin's secret with a new random one, shown once inside the plugin URL to register
 * in Front; admins only. The previous secret stops working at once: a leaked secret is the reason
 * to rotate, so there is no overlap (the sidebar shows "not recognised" until Front has the new URL).
 */
export async function rotateFrontPluginSecret(ctx: ServiceContext): Promise<FrontPluginSecretView> {
  requireRole(ctx, "admin");
  const secret = `fps_${randomBytes(32).toString("base64url")}`;
  await storeSecret(ctx, secret, true);
  return { secret, pluginUrl: await pluginUrl(ctx, secret) };
}
