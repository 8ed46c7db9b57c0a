import type { ChannelChange, ChannelView } from "@support/contract";
import { type App, activeSigningKeys, type Channel, type Db, getChannel, listChannels, saveChannel } from "@support/db";
import { requireQuota } from "../billing/quotas.js";
import { commitChange } from "../service/change.js";
import { requireRole, type ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import type { Ports } from "../service/ports.js";
import { requireApp } from "../tenancy/apps.js";
import {
  CHANNEL_KINDS,
  type ChannelKind,
  type ChannelSecrets,
  type ChannelSettings,
  channelSpecs,
  webhookUrl,
} from "./channel-config.js";

export interface LoadedChannel<K extends ChannelKind = ChannelKind> {
  kind: K;
  settings: ChannelSettings<K>;
  secrets: ChannelSecrets<K>;
  /** Inbound requests verify against these (several during rotation). */
  signingSecrets: string[];
}

/**
 * What reading a stored channel takes: the database and the secrets box. A service context
 * is one, and so is the `Platform` the webhook receiver works on before it knows the org.
 */
export interface ChannelStore {
  db: Db;
  ports: Pick<Ports, "secrets">;
}

function statusOf(kind: ChannelKind, settings: Record<string, unknown>, secrets: Record<string, unknown>) {
  if (settings.enabled === false) return "disabled" as const;
  const required: readonly string[] = channelSpecs[kind].inboundRequires;
  return required.every((name) => Boolean(secrets[name])) ? ("active" as const) : ("incomplete" as const);
}

function decryptSecrets(store: ChannelStore, row: Channel | undefined): Record<string, unknown> {
  if (!row?.credentialsCiphertext) return {};
  return JSON.parse(store.ports.secrets.decrypt(row.credentialsCiphertext)) as Record<string, unknown>;
}

function view(ctx: ServiceContext, appId: string, kind: ChannelKind, row: Channel | undefined): ChannelView {
  const settings = (row?.settings ?? {}) as Record<string, unknown>;
  const secrets = decryptSecrets(ctx, row);
  return {
    kind,
    status: statusOf(kind, settings, secrets),
    settings,
    secretsSet: Object.keys(secrets).filter((k) => Boolean(secrets[k])),
    webhookUrl: webhookUrl(ctx.ports.publicUrl, appId, kind),
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/** Every channel kind for an app, configured or not, so a caller sees what is left to connect. */
export async function describeChannels(ctx: ServiceContext, appRef: string): Promise<ChannelView[]> {
  const app = await requireApp(ctx, appRef);
  const rows = new Map((await listChannels(ctx.db, ctx.org.id, app.id)).map((row) => [row.kind, row]));
  return CHANNEL_KINDS.map((kind) => view(ctx, app.id, kind, rows.get(kind)));
}

/**
 * Merges settings and secrets into the channel (a field set to "" or null is removed), stores
 * the secrets encrypted and records who changed what (field names only). Admins only: the
 * secrets decide who may post into the organization's conversations.
 */
export async function configureChannel(
  ctx: ServiceContext,
  appRef: string,
  kind: ChannelKind,
  input: ChannelChange,
): Promise<ChannelView> {
  requireRole(ctx, "admin");
  const app = await requireApp(ctx, appRef);
  const spec = channelSpecs[kind];
  const current = await getChannel(ctx.db, ctx.org.id, app.id, kind);
  if (!current) await requireQuota(ctx, "channels");
  const merge = (base: Record<string, unknown>, patch: Record<string, unknown> = {}) => {
    const next = { ...base };
    for (const [key, value] of Object.entries(patch)) {
      if (value === null || value === "") delete next[key];
      else next[key] = value;
    }
    return next;
  };
  const settings = spec.settings
    .strict()
    .safeParse(merge((current?.settings ?? {}) as Record<string, unknown>, input.settings));
  if (!settings.success) throw new AppError("invalid_input", describe("settings", settings.error.issues));
  const secrets = spec.secrets.strict().safeParse(merge(decryptSecrets(ctx, current), input.secrets));
  if (!secrets.success) throw new AppError("invalid_input", describe("secrets", secrets.error.issues));
  const hasSecrets = Object.keys(secrets.data).length > 0;
  const row = await commitChange(ctx, async (tx, log) => {
    const saved = await saveChannel(tx, ctx.org.id, app.id, kind, {
      settings: settings.data,
      credentialsCiphertext: hasSecrets ? ctx.ports.secrets.encrypt(JSON.stringify(secrets.data)) : null,
      status: statusOf(kind, settings.data, secrets.data),
    });
    await log.audit({
      action: "channel.configured",
      subject: app.id,
      data: { kind, settings: Object.keys(input.settings ?? {}), secrets: Object.keys(input.secrets ?? {}) },
    });
    return saved;
  });
  return view(ctx, app.id, kind, row);
}

function describe(part: string, issues: { path: PropertyKey[]; message: string; code?: string; keys?: string[] }[]) {
  const issue = issues[0];
  if (!issue) return `${part} are invalid`;
  if (issue.code === "unrecognized_keys" && issue.keys) return `${part}: unknown field ${issue.keys.join(", ")}`;
  return `${part}.${issue.path.map(String).join(".")}: ${issue.message}`;
}

/**
 * The channel as inbound and outbound code needs it, or undefined when it cannot receive. It
 * takes the app row (which names its organization) rather than a reference: the webhook
 * receiver finds the app by id before any organization is known.
 */
export async function loadChannel<K extends ChannelKind>(
  store: ChannelStore,
  app: App,
  kind: K,
): Promise<LoadedChannel<K> | undefined> {
  const box = store.ports.secrets;
  const row = await getChannel(store.db, app.orgId, app.id, kind);
  const settings = (row?.settings ?? {}) as Record<string, unknown>;
  const secrets = decryptSecrets(store, row);
  if (statusOf(kind, settings, secrets) !== "active") return undefined;
  const needsSigning = kind === "generic" || kind === "email";
  const signingSecrets = needsSigning
    ? (await activeSigningKeys(store.db, app.orgId, app.id)).map((k) => box.decrypt(k.secretCiphertext))
    : [];
  return {
    kind,
    settings: settings as ChannelSettings<K>,
    secrets: secrets as ChannelSecrets<K>,
    signingSecrets,
  };
}
