import {
  type App,
  activeSigningKeys,
  appendAudit,
  type Channel,
  type Db,
  getApp,
  getChannel,
  listChannels,
  type SecretBox,
  saveChannel,
} from "@support/db";
import { AppError } from "../service/errors.js";
import {
  CHANNEL_KINDS,
  type ChannelKind,
  type ChannelSecrets,
  type ChannelSettings,
  channelSpecs,
} from "./channel-config.js";

export interface ChannelView {
  kind: ChannelKind;
  status: "active" | "incomplete" | "disabled";
  settings: Record<string, unknown>;
  /** Which secrets are stored; their values are never returned. */
  secretsSet: string[];
  webhookUrl: string;
  updatedAt: string | null;
}

export interface LoadedChannel<K extends ChannelKind = ChannelKind> {
  kind: K;
  settings: ChannelSettings<K>;
  secrets: ChannelSecrets<K>;
  /** Inbound requests verify against these (several during rotation). */
  signingSecrets: string[];
}

export function webhookUrl(publicUrl: string, appId: string, kind: ChannelKind): string {
  return kind === "web" ? `${publicUrl}/support/${appId}` : `${publicUrl}/webhooks/${kind}/${appId}`;
}

function statusOf(kind: ChannelKind, settings: Record<string, unknown>, secrets: Record<string, unknown>) {
  if (settings.enabled === false) return "disabled" as const;
  const required: readonly string[] = channelSpecs[kind].inboundRequires;
  return required.every((name) => Boolean(secrets[name])) ? ("active" as const) : ("incomplete" as const);
}

function decryptSecrets(box: SecretBox, row: Channel | undefined): Record<string, unknown> {
  if (!row?.credentialsCiphertext) return {};
  return JSON.parse(box.decrypt(row.credentialsCiphertext)) as Record<string, unknown>;
}

function view(
  publicUrl: string,
  appId: string,
  kind: ChannelKind,
  row: Channel | undefined,
  box: SecretBox,
): ChannelView {
  const settings = (row?.settings ?? {}) as Record<string, unknown>;
  const secrets = decryptSecrets(box, row);
  return {
    kind,
    status: statusOf(kind, settings, secrets),
    settings,
    secretsSet: Object.keys(secrets).filter((k) => Boolean(secrets[k])),
    webhookUrl: webhookUrl(publicUrl, appId, kind),
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

async function requireApp(db: Db, orgId: string, ref: string): Promise<App> {
  const app = await getApp(db, orgId, ref);
  if (!app) throw new AppError("not_found", `app "${ref}" not found`);
  return app;
}

/** Every channel kind for an app, configured or not, so a caller sees what is left to connect. */
export async function describeChannels(
  db: Db,
  box: SecretBox,
  publicUrl: string,
  orgId: string,
  appRef: string,
): Promise<ChannelView[]> {
  const app = await requireApp(db, orgId, appRef);
  const rows = new Map((await listChannels(db, orgId, app.id)).map((row) => [row.kind, row]));
  return CHANNEL_KINDS.map((kind) => view(publicUrl, app.id, kind, rows.get(kind), box));
}

/**
 * Merges settings and secrets into the channel (a field set to "" or null is removed), stores
 * the secrets encrypted and records who changed what (field names only).
 */
export async function configureChannel(
  db: Db,
  box: SecretBox,
  publicUrl: string,
  orgId: string,
  appRef: string,
  kind: ChannelKind,
  input: { settings?: Record<string, unknown>; secrets?: Record<string, unknown> },
  actor: string,
): Promise<ChannelView> {
  const app = await requireApp(db, orgId, appRef);
  const spec = channelSpecs[kind];
  const current = await getChannel(db, orgId, app.id, kind);
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
  const secrets = spec.secrets.strict().safeParse(merge(decryptSecrets(box, current), input.secrets));
  if (!secrets.success) throw new AppError("invalid_input", describe("secrets", secrets.error.issues));
  const hasSecrets = Object.keys(secrets.data).length > 0;
  const row = await saveChannel(db, orgId, app.id, kind, {
    settings: settings.data,
    credentialsCiphertext: hasSecrets ? box.encrypt(JSON.stringify(secrets.data)) : null,
    status: statusOf(kind, settings.data, secrets.data),
  });
  await appendAudit(db, orgId, {
    actor,
    action: "channel.configured",
    subject: app.id,
    data: { kind, settings: Object.keys(input.settings ?? {}), secrets: Object.keys(input.secrets ?? {}) },
  });
  return view(publicUrl, app.id, kind, row, box);
}

function describe(part: string, issues: { path: PropertyKey[]; message: string; code?: string; keys?: string[] }[]) {
  const issue = issues[0];
  if (!issue) return `${part} are invalid`;
  if (issue.code === "unrecognized_keys" && issue.keys) return `${part}: unknown field ${issue.keys.join(", ")}`;
  return `${part}.${issue.path.map(String).join(".")}: ${issue.message}`;
}

/** The channel as inbound and outbound code needs it, or undefined when it cannot receive. */
export async function loadChannel<K extends ChannelKind>(
  db: Db,
  box: SecretBox,
  app: App,
  kind: K,
): Promise<LoadedChannel<K> | undefined> {
  const row = await getChannel(db, app.orgId, app.id, kind);
  const settings = (row?.settings ?? {}) as Record<string, unknown>;
  const secrets = decryptSecrets(box, row);
  if (statusOf(kind, settings, secrets) !== "active") return undefined;
  const needsSigning = kind === "generic" || kind === "email";
  const signingSecrets = needsSigning
    ? (await activeSigningKeys(db, app.orgId, app.id)).map((k) => box.decrypt(k.secretCiphertext))
    : [];
  return {
    kind,
    settings: settings as ChannelSettings<K>,
    secrets: secrets as ChannelSecrets<K>,
    signingSecrets,
  };
}
