import { randomBytes } from "node:crypto";
import type { WidgetConfigChange, WidgetConfigView, WidgetSecretView, WidgetTier } from "@support/contract";
import { type App, type Conversation, getChannel, type Message, saveChannel } from "@support/db";
import { channelSpecs } from "../intake/channel-config.js";
import type { ChannelStore } from "../intake/channels.js";
import { findWebhookApp } from "../intake/receive.js";
import { commitChange } from "../service/change.js";
import { requireRole, type ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import type { Platform } from "../service/ports.js";
import { requireApp } from "../tenancy/apps.js";

/** The widget's stored setup: settings in the `widget` channel row, its secrets encrypted beside them. */
export interface WidgetSetup {
  enabled: boolean;
  allowedOrigins: string[];
  plans: Record<string, WidgetTier>;
  /** For plans the mapping does not name; undefined: the app's own `autonomyTier`. */
  defaultTier: WidgetTier | undefined;
  responseTime: string | null;
  /** The live secrets, newest first: identities and sessions signed with either are accepted. */
  secrets: string[];
}

interface WidgetSecrets {
  widgetSecret?: string;
  previousWidgetSecret?: string;
}

async function readSetup(store: ChannelStore, app: Pick<App, "id" | "orgId">): Promise<WidgetSetup> {
  const row = await getChannel(store.db, app.orgId, app.id, "widget");
  const settings = channelSpecs.widget.settings.parse(row?.settings ?? {});
  const secrets: WidgetSecrets = row?.credentialsCiphertext
    ? JSON.parse(store.ports.secrets.decrypt(row.credentialsCiphertext))
    : {};
  return {
    enabled: settings.enabled !== false && Boolean(secrets.widgetSecret),
    allowedOrigins: settings.allowedOrigins ?? [],
    plans: settings.plans ?? {},
    defaultTier: settings.defaultTier,
    responseTime: settings.responseTime ?? null,
    secrets: [secrets.widgetSecret, secrets.previousWidgetSecret].filter((s): s is string => Boolean(s)),
  };
}

/**
 * The autonomy tier of a customer on `plan` (from the signed identity) by the app's mapping, then
 * the widget's default; undefined leaves the app's own tier.
 */
export function tierForPlan(
  setup: Pick<WidgetSetup, "plans" | "defaultTier">,
  plan: string | null | undefined,
): WidgetTier | undefined {
  return (plan && Object.hasOwn(setup.plans, plan) ? setup.plans[plan] : undefined) ?? setup.defaultTier;
}

/**
 * The app's settings for drafting an answer to a widget message: the autonomy tier its sender's
 * plan maps to replaces the app's (the rest of the policy - low risk, trust, gates - still holds).
 * Other channels' settings are returned as they are.
 */
export async function settingsForCustomer<S extends { autonomyTier: WidgetTier }>(
  store: ChannelStore,
  app: App,
  conversation: Pick<Conversation, "channelKind">,
  message: Pick<Message, "metadata">,
  settings: S,
): Promise<S> {
  if (conversation.channelKind !== "widget") return settings;
  const plan = (message.metadata as { widget?: { plan?: string | null } } | null)?.widget?.plan;
  const tier = tierForPlan(await readSetup(store, app), plan);
  return tier ? { ...settings, autonomyTier: tier } : settings;
}

/**
 * The app a public widget route names, with its setup; 404 when there is no such app or its
 * widget is not set up (no secret yet) or switched off. Found by id before any organization is
 * known, like webhooks.
 */
export async function findWidgetApp(platform: Platform, appId: string): Promise<{ app: App; setup: WidgetSetup }> {
  const app = await findWebhookApp(platform.db, appId);
  const setup = await readSetup(platform, app);
  if (!setup.enabled) throw new AppError("not_found", "This app has no chat widget.");
  return { app, setup };
}

/**
 * Whether a browser page at `origin` may use the app's widget. Requests without an `Origin`
 * header are refused too: every request the widget makes is cross-origin, so browsers send it.
 */
export function isAllowedOrigin(setup: Pick<WidgetSetup, "allowedOrigins">, origin: string | undefined): boolean {
  return origin !== undefined && setup.allowedOrigins.includes(origin.toLowerCase());
}

function view(ctx: ServiceContext, app: App, setup: WidgetSetup, stored: WidgetSecrets): WidgetConfigView {
  const src = `${ctx.ports.publicUrl}/widget.js`;
  return {
    enabled: setup.enabled,
    allowedOrigins: setup.allowedOrigins,
    plans: setup.plans,
    defaultTier: setup.defaultTier ?? null,
    responseTime: setup.responseTime,
    secretSet: Boolean(stored.widgetSecret),
    previousSecretValid: Boolean(stored.previousWidgetSecret),
    snippet: `<script src="${src}" data-app="${app.id}" async></script>`,
  };
}

async function storedSecrets(ctx: ServiceContext, app: App): Promise<WidgetSecrets> {
  const row = await getChannel(ctx.db, ctx.org.id, app.id, "widget");
  return row?.credentialsCiphertext ? JSON.parse(ctx.ports.secrets.decrypt(row.credentialsCiphertext)) : {};
}

/** The app's widget setup as an admin sees it (secrets never, only whether they are set). */
export async function describeWidget(ctx: ServiceContext, appRef: string): Promise<WidgetConfigView> {
  requireRole(ctx, "admin");
  const app = await requireApp(ctx, appRef);
  return view(ctx, app, await readSetup(ctx, app), await storedSecrets(ctx, app));
}

async function save(
  ctx: ServiceContext,
  app: App,
  settings: Record<string, unknown>,
  secrets: WidgetSecrets,
  audit: { action: string; data: unknown },
) {
  return commitChange(ctx, async (tx, log) => {
    await saveChannel(tx, ctx.org.id, app.id, "widget", {
      settings,
      credentialsCiphertext: secrets.widgetSecret ? ctx.ports.secrets.encrypt(JSON.stringify(secrets)) : null,
      status: settings.enabled === false ? "disabled" : secrets.widgetSecret ? "active" : "incomplete",
    });
    await log.audit({ action: audit.action, subject: app.id, data: audit.data });
  });
}

/** Changes the widget's origins, plan tiers and texts (admins: they decide who may embed it). */
export async function configureWidget(
  ctx: ServiceContext,
  appRef: string,
  change: WidgetConfigChange,
): Promise<WidgetConfigView> {
  requireRole(ctx, "admin");
  const app = await requireApp(ctx, appRef);
  const row = await getChannel(ctx.db, ctx.org.id, app.id, "widget");
  const settings: Record<string, unknown> = { ...((row?.settings as Record<string, unknown> | null) ?? {}) };
  for (const [key, value] of Object.entries(change)) {
    if (value === null) delete settings[key];
    else if (value !== undefined)
      settings[key] = key === "allowedOrigins" ? (value as string[]).map((o) => o.toLowerCase()) : value;
  }
  const checked = channelSpecs.widget.settings.strict().safeParse(settings);
  if (!checked.success) throw new AppError("invalid_input", checked.error.issues[0]?.message ?? "invalid settings");
  await save(ctx, app, checked.data, await storedSecrets(ctx, app), {
    action: "widget.configured",
    data: { fields: Object.keys(change) },
  });
  return describeWidget(ctx, app.id);
}

/**
 * A new widget secret, shown once; the previous one keeps verifying identities and sessions
 * until the next rotation, so the product's servers can switch without signing anyone out.
 * The first rotation is what turns the widget on.
 */
export async function rotateWidgetSecret(ctx: ServiceContext, appRef: string): Promise<WidgetSecretView> {
  requireRole(ctx, "admin");
  const app = await requireApp(ctx, appRef);
  const row = await getChannel(ctx.db, ctx.org.id, app.id, "widget");
  const current = await storedSecrets(ctx, app);
  const secret = `wsk_${randomBytes(32).toString("base64url")}`;
  const next: WidgetSecrets = { widgetSecret: secret, previousWidgetSecret: current.widgetSecret };
  await save(ctx, app, (row?.settings as Record<string, unknown> | null) ?? {}, next, {
    action: "widget.secret_rotated",
    data: { previousSecretValid: Boolean(current.widgetSecret) },
  });
  return { secret, previousSecretValid: Boolean(current.widgetSecret) };
}
