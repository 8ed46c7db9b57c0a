import type { FrontPluginConnectBody, FrontPluginView } from "@support/contract";
import { type FrontPluginConfigRow, getFrontPluginConfig, saveFrontPluginConfig } from "@support/db";
import { commitChange } from "../service/change.js";
import { requireRole, type ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";

function view(row: FrontPluginConfigRow | undefined): FrontPluginView {
  return { configured: Boolean(row), updatedAt: row?.updatedAt.toISOString() ?? null };
}

/** Whether the organization registered its Front plugin; any member. */
export async function describeFrontPlugin(ctx: ServiceContext): Promise<FrontPluginView> {
  return view(await getFrontPluginConfig(ctx.db, ctx.org.id));
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
  const row = await commitChange(ctx, async (tx, log) => {
    const saved = await saveFrontPluginConfig(tx, ctx.org.id, {
      secretCiphertext: ctx.ports.secrets.encrypt(secret),
    });
    await log.audit({ action: "front_plugin.configured", subject: ctx.org.id, data: { secrets: ["secret"] } });
    return saved;
  });
  return view(row);
}
