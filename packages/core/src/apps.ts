import {
  type App,
  type AppSettings,
  appendAudit,
  appSettings,
  createApp,
  type Db,
  getApp,
  insertSigningKey,
  type SecretBox,
  updateApp,
} from "@support/db";
import { CHANNEL_KINDS } from "./channels/channel-config.js";
import { webhookUrl } from "./channels/channels.js";
import { AppError } from "./errors.js";
import { generateSigningSecret } from "./signing-keys.js";

/** Webhook URLs carry the app id, which is unique across organizations (slugs are per org). */
export function webhookUrls(publicUrl: string, app: Pick<App, "id">): Record<string, string> {
  return Object.fromEntries(CHANNEL_KINDS.map((kind) => [kind, webhookUrl(publicUrl, app.id, kind)]));
}

export function publicApp(app: App, publicUrl: string) {
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

/** Creates an app with its first generic signing key (encrypted at rest). */
export async function registerApp(
  db: Db,
  secrets: SecretBox,
  orgId: string,
  input: { name: string; slug?: string; settings?: Partial<AppSettings> },
  actor: string,
): Promise<{ app: App; signingSecret: string }> {
  const slug = input.slug ?? slugify(input.name);
  if (!slug) throw new AppError("invalid_input", "name must contain letters or digits");
  if (await getApp(db, orgId, slug)) throw new AppError("conflict", `an app with slug "${slug}" already exists`);
  const app = await createApp(db, orgId, { name: input.name, slug, settings: input.settings });
  const signingSecret = generateSigningSecret();
  await insertSigningKey(db, { orgId, appId: app.id, secretCiphertext: secrets.encrypt(signingSecret), keyVersion: 1 });
  await appendAudit(db, orgId, { actor, action: "app.created", subject: app.id, data: { slug } });
  return { app, signingSecret };
}

export async function changeApp(
  db: Db,
  orgId: string,
  ref: string,
  patch: { name?: string; settings?: Partial<AppSettings> },
  actor: string,
): Promise<App> {
  const app = await updateApp(db, orgId, ref, patch);
  if (!app) throw new AppError("not_found", `app "${ref}" not found`);
  await appendAudit(db, orgId, {
    actor,
    action: "app.updated",
    subject: app.id,
    data: { fields: Object.keys(patch) },
  });
  return app;
}
