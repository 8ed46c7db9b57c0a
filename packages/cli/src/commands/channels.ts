import type { ChannelTestReport, ChannelView } from "@support/contract";
import { CHANNEL_KINDS, type ChannelKind, isChannelKind } from "@support/core/channel-config";
import { CliError, type Output } from "../output.js";
import type { RemoteApi } from "../remote.js";

export interface ChannelFlags {
  secret?: string;
  "api-token"?: string;
  "verify-token"?: string;
  "phone-number-id"?: string;
  "base-url"?: string;
  "callback-url"?: string;
  "smtp-url"?: string;
  from?: string;
  "agent-email"?: string;
  "agent-id"?: string;
}

/** Which field each flag sets, per channel; a flag a channel does not take is an error. */
const FLAG_FIELDS: Record<keyof ChannelFlags, Partial<Record<ChannelKind, ["settings" | "secrets", string]>>> = {
  secret: {
    front: ["secrets", "appSecret"],
    zendesk: ["secrets", "webhookSecret"],
    whatsapp: ["secrets", "appSecret"],
    email: ["secrets", "webhookSecret"],
  },
  "api-token": {
    front: ["secrets", "apiToken"],
    zendesk: ["secrets", "apiToken"],
    whatsapp: ["secrets", "accessToken"],
  },
  "verify-token": { whatsapp: ["secrets", "verifyToken"] },
  "phone-number-id": { whatsapp: ["settings", "phoneNumberId"] },
  "base-url": { front: ["settings", "baseUrl"], zendesk: ["settings", "baseUrl"], whatsapp: ["settings", "baseUrl"] },
  "callback-url": { generic: ["settings", "callbackUrl"] },
  "smtp-url": { email: ["secrets", "smtpUrl"] },
  from: { email: ["settings", "fromAddress"], web: ["settings", "replyFrom"] },
  "agent-email": { zendesk: ["settings", "agentEmail"] },
  "agent-id": { zendesk: ["settings", "agentId"] },
};

export function parseKind(value: string | undefined): ChannelKind {
  if (!value || !isChannelKind(value)) throw new CliError(`the channel must be one of ${CHANNEL_KINDS.join(", ")}`);
  return value;
}

export function channelChange(kind: ChannelKind, flags: ChannelFlags) {
  const change: { settings: Record<string, string>; secrets: Record<string, string> } = { settings: {}, secrets: {} };
  for (const [flag, value] of Object.entries(flags) as [keyof ChannelFlags, string | undefined][]) {
    if (value === undefined) continue;
    const target = FLAG_FIELDS[flag]?.[kind];
    if (!target) throw new CliError(`--${flag} does not apply to the ${kind} channel`);
    change[target[0]][target[1]] = value;
  }
  return change;
}

/** The same three operations, on the local DATA_DIR or on a server. */
export interface ChannelsBackend {
  set(app: string, kind: ChannelKind, change: ReturnType<typeof channelChange>): Promise<ChannelView>;
  list(app: string): Promise<ChannelView[]>;
  test(app: string, kind: ChannelKind): Promise<ChannelTestReport>;
}

export function remoteChannels(api: RemoteApi): ChannelsBackend {
  const base = (app: string) => `/api/v1/apps/${encodeURIComponent(app)}/channels`;
  return {
    set: (app, kind, change) => api.request<ChannelView>("PUT", `${base(app)}/${kind}`, change),
    list: async (app) => (await api.request<{ data: ChannelView[] }>("GET", base(app))).data,
    test: (app, kind) => api.request<ChannelTestReport>("POST", `${base(app)}/${kind}/test`),
  };
}

const channelLine = (c: ChannelView) =>
  `${c.kind.padEnd(9)} ${c.status.padEnd(10)} ${c.webhookUrl}${c.secretsSet.length ? `  (secrets: ${c.secretsSet.join(", ")})` : ""}`;

export async function channelsCommand(
  backend: ChannelsBackend,
  out: Output,
  sub: string | undefined,
  opts: { app?: string; kind?: string; flags: ChannelFlags },
) {
  if (!opts.app) throw new CliError(`channels ${sub ?? ""} needs --app <app>`.replace("  ", " "));
  switch (sub) {
    case "set": {
      const kind = parseKind(opts.kind);
      const view = await backend.set(opts.app, kind, channelChange(kind, opts.flags));
      const next =
        view.status === "active"
          ? `Point the ${kind} webhook at ${view.webhookUrl}, then try: skill channels test ${kind} --app ${opts.app}`
          : "Some required secrets are still missing (see skill channels list).";
      return out.result(view, () => [channelLine(view), next]);
    }
    case "list": {
      const data = await backend.list(opts.app);
      return out.result({ data }, () => data.map(channelLine));
    }
    case "test": {
      const kind = parseKind(opts.kind);
      const report = await backend.test(opts.app, kind);
      const ok = report.status < 300;
      out.result(report, () => [
        ok
          ? `The signed sample was accepted (${report.status}, ${report.outcome}).${report.conversationId ? ` Conversation ${report.conversationId}, message ${report.messageId}.` : ""}`
          : `The route answered ${report.status}: ${report.detail ?? "see the server log"}.`,
      ]);
      if (!ok) throw new CliError(`the ${kind} test message was not accepted`);
      return;
    }
    default:
      throw new CliError("usage: skill channels set|list|test");
  }
}
