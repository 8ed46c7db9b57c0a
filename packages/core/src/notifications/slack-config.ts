import type { SlackConnectBody, SlackView } from "@support/contract";
import {
  type Db,
  getSlackConfig,
  listSlackConfigs,
  type SecretBox,
  type SlackConfigRow,
  saveSlackConfig,
} from "@support/db";
import { z } from "zod";
import { commitChange } from "../service/change.js";
import { requireRole, type ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import { requireApp } from "../tenancy/apps.js";

/** The decrypted configuration, for the Slack app itself. */
export interface SlackConnection {
  orgId: string;
  channelId: string;
  /** The daily summary's channel (the approvals channel unless one was configured). */
  summaryChannelId: string;
  appId: string | null;
  apiUrl: string | null;
  botToken: string;
  signingSecret: string;
}

const CHANNEL_ID = z.string().regex(/^[CGD][A-Z0-9]{2,30}$/, "a Slack channel id looks like C0123ABCD");

/** What the values must look like: checked here, so the API, the CLI and the dashboard get the same messages. */
const slackConnectInput = z
  .object({
    botToken: z
      .string()
      .regex(/^xox[bp]-[\w-]{4,}$/, "a bot token starts with xoxb-")
      .optional(),
    signingSecret: z.string().min(8).max(200).optional(),
    channelId: CHANNEL_ID,
    /** The daily summary's channel; null goes back to the approvals channel. */
    summaryChannelId: CHANNEL_ID.nullable().optional(),
    app: z.string().min(1).max(100).nullable().optional(),
    apiUrl: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .nullable()
      .optional(),
  })
  .strict();

const secretsSchema = z.object({ botToken: z.string(), signingSecret: z.string() });

function decrypt(box: SecretBox, row: SlackConfigRow) {
  return secretsSchema.parse(JSON.parse(box.decrypt(row.credentialsCiphertext)));
}

function view(row: SlackConfigRow | undefined): SlackView {
  return {
    configured: Boolean(row),
    channelId: row?.channelId ?? null,
    summaryChannelId: row?.summaryChannelId ?? null,
    appId: row?.appId ?? null,
    apiUrl: row?.apiUrl ?? null,
    secretsSet: row ? ["botToken", "signingSecret"] : [],
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/** The organization's Slack connection, without its secrets; any member. */
export async function describeSlack(ctx: ServiceContext): Promise<SlackView> {
  return view(await getSlackConfig(ctx.db, ctx.org.id));
}

/**
 * Connects (or reconfigures) the organization's Slack workspace; admins only. The first
 * connection needs both secrets; later calls may change the channel, app or API URL and keep
 * the stored secrets.
 */
export async function configureSlack(ctx: ServiceContext, raw: SlackConnectBody): Promise<SlackView> {
  requireRole(ctx, "admin");
  const parsed = slackConnectInput.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      "invalid_input",
      `slack.${issue?.path.map(String).join(".") ?? ""}: ${issue?.message ?? "invalid"}`,
    );
  }
  const input = parsed.data;
  const orgId = ctx.org.id;
  const box = ctx.ports.secrets;
  const row = await commitChange(ctx, async (tx, log) => {
    const current = await getSlackConfig(tx, orgId);
    const stored = current ? decrypt(box, current) : undefined;
    const botToken = input.botToken ?? stored?.botToken;
    const signingSecret = input.signingSecret ?? stored?.signingSecret;
    if (!botToken || !signingSecret)
      throw new AppError("invalid_input", "connecting Slack needs the bot token and the signing secret");
    const appId = input.app ? (await requireApp(ctx, input.app, tx)).id : input.app;
    const settings = {
      channelId: input.channelId,
      summaryChannelId:
        input.summaryChannelId === undefined ? (current?.summaryChannelId ?? null) : input.summaryChannelId,
      appId: appId === undefined ? (current?.appId ?? null) : appId,
      apiUrl: input.apiUrl === undefined ? (current?.apiUrl ?? null) : (input.apiUrl?.replace(/\/+$/, "") ?? null),
    };
    const saved = await saveSlackConfig(tx, orgId, {
      ...settings,
      credentialsCiphertext: box.encrypt(JSON.stringify({ botToken, signingSecret })),
    });
    await log.audit({
      action: "slack.configured",
      subject: orgId,
      data: {
        ...settings,
        secrets: [input.botToken ? "botToken" : null, input.signingSecret ? "signingSecret" : null].filter(Boolean),
      },
    });
    return saved;
  });
  return view(row);
}

const connection = (box: SecretBox, row: SlackConfigRow): SlackConnection => ({
  orgId: row.orgId,
  channelId: row.channelId,
  summaryChannelId: row.summaryChannelId ?? row.channelId,
  appId: row.appId,
  apiUrl: row.apiUrl,
  ...decrypt(box, row),
});

/**
 * The organization's Slack connection, or undefined when Slack is not configured. A lookup for
 * the Slack adapter (cards, doctor), which holds no actor: it takes the database and the box.
 */
export async function loadSlackConnection(db: Db, box: SecretBox, orgId: string): Promise<SlackConnection | undefined> {
  const row = await getSlackConfig(db, orgId);
  return row ? connection(box, row) : undefined;
}

/**
 * Every organization's connection: the receiver finds the one whose signing secret verifies a
 * request, before any organization is known, so it takes the database and the box.
 */
export async function listSlackConnections(db: Db, box: SecretBox): Promise<SlackConnection[]> {
  return (await listSlackConfigs(db)).map((row) => connection(box, row));
}
