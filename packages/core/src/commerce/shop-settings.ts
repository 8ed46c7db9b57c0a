import {
  DEFAULT_SHOP_SETTINGS,
  type ShopSettings,
  type ShopSettingsPatch,
  shopSettingsPatch,
  shopSettingsSchema,
} from "@support/contract";
import { type Db, getShopSettingsRow, putShopSettingsRow } from "@support/db";
import { commitChange } from "../service/change.js";
import { requireRole, type ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import { requireApp } from "../tenancy/apps.js";
import { isPrintableLogo } from "./quote-pdf.js";

/**
 * The app's shop settings, every field present: what was stored over the defaults. A stored
 * value the schema no longer accepts falls back to the default rather than breaking quotes.
 */
export async function loadShopSettings(db: Db, orgId: string, appId: string): Promise<ShopSettings> {
  const row = await getShopSettingsRow(db, orgId, appId);
  const stored = (row?.settings ?? {}) as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...DEFAULT_SHOP_SETTINGS };
  for (const [key, value] of Object.entries(stored)) {
    const field = shopSettingsSchema.shape[key as keyof ShopSettings];
    if (field?.safeParse(value).success) merged[key] = value;
  }
  return merged as ShopSettings;
}

export async function shopSettingsOf(ctx: ServiceContext, appRef: string): Promise<ShopSettings> {
  requireRole(ctx, "agent");
  const app = await requireApp(ctx, appRef);
  return loadShopSettings(ctx.db, ctx.org.id, app.id);
}

/** Changes the given settings; admins only. The audit names the fields, never their values (the logo). */
export async function updateShopSettings(
  ctx: ServiceContext,
  appRef: string,
  patch: ShopSettingsPatch,
): Promise<ShopSettings> {
  requireRole(ctx, "admin");
  const parsed = shopSettingsPatch.safeParse(patch);
  if (!parsed.success) {
    throw new AppError(
      "invalid_input",
      parsed.error.issues.map((i) => `${i.path.join(".") || "settings"}: ${i.message}`).join("; "),
    );
  }
  const app = await requireApp(ctx, appRef);
  if (parsed.data.logoPng && !(await isPrintableLogo(Buffer.from(parsed.data.logoPng, "base64")))) {
    throw new AppError("invalid_input", "logoPng: not a PNG image pdf-lib can read");
  }
  return commitChange(ctx, async (tx, log) => {
    const settings = { ...(await loadShopSettings(tx, ctx.org.id, app.id)), ...parsed.data };
    await putShopSettingsRow(tx, ctx.org.id, app.id, settings);
    await log.audit({ action: "shop.settings_updated", subject: app.id, data: { fields: Object.keys(parsed.data) } });
    return settings;
  });
}
