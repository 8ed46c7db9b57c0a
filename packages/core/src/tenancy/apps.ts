import type { AppPatch, AppView, CreateAppInput } from "@support/contract";
import { type App, appSettings, createApp, type Db, getApp, insertSigningKey, listApps, updateApp } from "@support/db";
import { requireQuota } from "../billing/quotas.js";
import { CHANNEL_KINDS, webhookUrl } from "../intake/channel-config.js";
import { commitChange } from "../service/change.js";
import { requireRole, type ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import { generateSigningSecret } from "./signing-keys.js";

/** Webhook URLs carry the app id, which is unique across organizations (slugs are per org). */
export function webhookUrls(publicUrl: string, app: Pick<App, "id">): Record<string, string> {
  return Object.fromEntries(CHANNEL_KINDS.map((kind) => [kind, webhookUrl(publicUrl, app.id, kind)]));
}

export function publicApp(app: App, publicUrl: string): AppView {
  return {
    id: app.id,
    slug: app.slug,
    name: app.name,
    settings: appSettings(app),
    webhookUrls: webhookUrls(publicUrl, app),
    createdAt: app.createdAt.toISOString(),
    updatedAt: app.updatedAt.toISOString(),
  };
}

export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
}

/** The organization's app by id or slug, or a `not_found` naming the reference. */
export async function requireApp(ctx: ServiceContext, ref: string, db: Db = ctx.db): Promise<App> {
  const app = await getApp(db, ctx.org.id, ref);
  if (!app) throw new AppError("not_found", `app "${ref}" not found`);
  return app;
}

export async function listAppViews(ctx: ServiceContext, page: { limit: number; cursor?: string }) {
  const apps = await listApps(ctx.db, ctx.org.id, page);
  return { data: apps.data.map((a) => publicApp(a, ctx.ports.publicUrl)), nextCursor: apps.nextCursor };
}

export async function appView(ctx: ServiceContext, ref: string): Promise<AppView> {
  return publicApp(await requireApp(ctx, ref), ctx.ports.publicUrl);
}

/** Creates an app with its first generic signing key (encrypted at rest); admins only. */
export async function registerApp(
  ctx: ServiceContext,
  input: CreateAppInput,
): Promise<{ app: App; view: AppView; signingSecret: string }> {
  requireRole(ctx, "admin");
  const slug = input.slug ?? slugify(input.name);
  if (!slug) throw new AppError("invalid_input", "name must contain letters or digits");
  await requireQuota(ctx, "apps");
  const signingSecret = generateSigningSecret();
  const app = await commitChange(ctx, async (tx, log) => {
    if (await getApp(tx, ctx.org.id, slug)) throw new AppError("conflict", `an app with slug "${slug}" already exists`);
    const created = await createApp(tx, ctx.org.id, { name: input.name, slug, settings: input.settings });
    const secretCiphertext = ctx.ports.secrets.encrypt(signingSecret);
    await insertSigningKey(tx, { orgId: ctx.org.id, appId: created.id, secretCiphertext, keyVersion: 1 });
    await log.audit({ action: "app.created", subject: created.id, data: { slug } });
    return created;
  });
  return { app, view: publicApp(app, ctx.ports.publicUrl), signingSecret };
}

/** Renames an app or changes its settings; admins only. */
export async function changeApp(ctx: ServiceContext, ref: string, patch: AppPatch): Promise<AppView> {
  requireRole(ctx, "admin");
  const app = await commitChange(ctx, async (tx, log) => {
    const updated = await updateApp(tx, ctx.org.id, ref, patch);
    if (!updated) throw new AppError("not_found", `app "${ref}" not found`);
    await log.audit({ action: "app.updated", subject: updated.id, data: { fields: Object.keys(patch) } });
    return updated;
  });
  return publicApp(app, ctx.ports.publicUrl);
}
