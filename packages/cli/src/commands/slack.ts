import type { SlackConnectBody, SlackView } from "@support/contract";
import { CliError, type Output } from "../output.js";
import type { RemoteApi } from "../remote.js";

export interface SlackFlags {
  "bot-token"?: string;
  "signing-secret"?: string;
  channel?: string;
  "summary-channel"?: string;
  app?: string;
  "api-url"?: string;
}

/** The same operations on the local DATA_DIR or on a server (`PUT/GET /api/v1/slack`). */
export interface SlackBackend {
  connect(input: SlackConnectBody): Promise<SlackView>;
  status(): Promise<SlackView>;
}

export function remoteSlack(api: RemoteApi): SlackBackend {
  return {
    connect: (input) => api.request<SlackView>("PUT", "/api/v1/slack", input),
    status: () => api.request<SlackView>("GET", "/api/v1/slack"),
  };
}

const slackLine = (v: SlackView) =>
  v.configured
    ? `Slack connected: cards go to channel ${v.channelId}${v.appId ? ` (app ${v.appId} only)` : ""}, the daily summary to ${v.summaryChannelId ?? v.channelId}${v.apiUrl ? `, via ${v.apiUrl}` : ""}.`
    : "Slack is not connected: approvals happen in the dashboard.";

export async function slackCommand(backend: SlackBackend, out: Output, sub: string | undefined, flags: SlackFlags) {
  switch (sub) {
    case "connect": {
      if (!flags.channel) throw new CliError("slack connect needs --channel <channel id>");
      const view = await backend.connect({
        botToken: flags["bot-token"],
        signingSecret: flags["signing-secret"],
        channelId: flags.channel,
        summaryChannelId: flags["summary-channel"],
        app: flags.app,
        apiUrl: flags["api-url"],
      });
      return out.result(view, () => [
        slackLine(view),
        "In your Slack app, set the Interactivity request URL to <PUBLIC_URL>/slack/interactions and the Events request URL to <PUBLIC_URL>/slack/events.",
      ]);
    }
    case "status": {
      const view = await backend.status();
      return out.result(view, () => [slackLine(view)]);
    }
    default:
      throw new CliError("usage: skill slack connect|status");
  }
}
