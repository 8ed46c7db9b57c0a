import {
  appendAudit,
  type Db,
  getApp,
  getSlackConfig,
  listSlackConfigs,
  type SecretBox,
  type SlackConfigRow,
  saveSlackConfig,
} from "@support/db";
import { z } from "zod";
import { AppError } from "../service/errors.js";

/** What the API and CLI show: never the token or the signing secret, only whether they are set. */
export interface SlackView {
  configured: boolean;
  channelId: string | null;
  /** Where the daily summary goes; null means the approvals channel. */
  summaryChannelId: string | null;
  appId: string | null;
  apiUrl: string | null;
  secretsSet: string[];
  updatedAt: string | null;
}

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

export const slackConnectInput = z
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
export type SlackConnectInput = z.infer<typeof slackConnectInput>;

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

export async function describeSlack(db: Db, orgId: string): Promise<SlackView> {
  return view(await getSlackConfig(db, orgId));
}

/**
 * Connects (or reconfigures) the organization's Slack workspace. The first connection needs
 * both secrets; later calls may change the channel, app or API URL and keep the stored secrets.
 */
export async function configureSlack(
  db: Db,
  box: SecretBox,
  orgId: string,
  raw: unknown,
  actor: string,
): Promise<SlackView> {
  const parsed = slackConnectInput.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      "invalid_input",
      `slack.${issue?.path.map(String).join(".") ?? ""}: ${issue?.message ?? "invalid"}`,
    );
  }
  const input = parsed.data;
  const current = await getSlackConfig(db, orgId);
  const stored = current ? decrypt(box, current) : undefined;
  const botToken = input.botToken ?? stored?.botToken;
  const signingSecret = input.signingSecret ?? stored?.signingSecret;
  if (!botToken || !signingSecret)
    throw new AppError("invalid_input", "connecting Slack needs the bot token and the signing secret");
  let appId = current?.appId ?? null;
  if (input.app === null) appId = null;
  else if (input.app !== undefined) {
    const app = await getApp(db, orgId, input.app);
    if (!app) throw new AppError("not_found", `app "${input.app}" not found`);
    appId = app.id;
  }
  const apiUrl = input.apiUrl === undefined ? (current?.apiUrl ?? null) : (input.apiUrl?.replace(/\/+$/, "") ?? null);
  const summaryChannelId =
    input.summaryChannelId === undefined ? (current?.summaryChannelId ?? null) : input.summaryChannelId;
  const row = await saveSlackConfig(db, orgId, {
    channelId: input.channelId,
    summaryChannelId,
    appId,
    apiUrl,
    credentialsCiphertext: box.encrypt(JSON.stringify({ botToken, signingSecret })),
  });
  await appendAudit(db, orgId, {
    actor,
    action: "slack.configured",
    subject: orgId,
    data: {
      channelId: input.channelId,
      summaryChannelId,
      appId,
      apiUrl,
      secrets: [input.botToken ? "botToken" : null, input.signingSecret ? "signingSecret" : null].filter(Boolean),
    },
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

/** The organization's Slack connection, or undefined when Slack is not configured. */
export async function loadSlackConnection(db: Db, box: SecretBox, orgId: string): Promise<SlackConnection | undefined> {
  const row = await getSlackConfig(db, orgId);
  return row ? connection(box, row) : undefined;
}

/** Every organization's connection: the receiver finds the one whose signing secret verifies a request. */
export async function listSlackConnections(db: Db, box: SecretBox): Promise<SlackConnection[]> {
  return (await listSlackConfigs(db)).map((row) => connection(box, row));
}
