import type { KnownBlock } from "@slack/web-api";
import type { SlackConnection } from "@support/core";

/** The Slack Web API calls the app makes, behind one adapter (the official SDK inside). */
export interface SlackApi {
  postMessage(input: { channel: string; text: string; blocks?: KnownBlock[]; threadTs?: string }): Promise<{
    channel: string;
    ts: string;
  }>;
  update(input: { channel: string; ts: string; text: string; blocks: KnownBlock[] }): Promise<void>;
  postEphemeral(input: { channel: string; user: string; text: string }): Promise<void>;
  openView(input: { triggerId: string; view: Record<string, unknown> }): Promise<void>;
}

/**
 * The SDK retries for up to half an hour by default; two quick retries keep a Slack outage from
 * holding up the event bus (a card that could not be posted is logged, not retried forever).
 */
const RETRIES = { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 2000 };

/** The SDK is imported on the first call, so a process that never talks to Slack never loads it. */
export function createSlackApi(connection: Pick<SlackConnection, "botToken" | "apiUrl">): SlackApi {
  let client: Promise<import("@slack/web-api").WebClient> | undefined;
  const web = () => {
    client ??= import("@slack/web-api").then(
      ({ WebClient }) =>
        new WebClient(connection.botToken, {
          // The SDK joins the method name to this URL, so it must end with a slash.
          ...(connection.apiUrl ? { slackApiUrl: `${connection.apiUrl}/` } : {}),
          retryConfig: RETRIES,
        }),
    );
    return client;
  };
  return {
    async postMessage({ channel, text, blocks, threadTs }) {
      const res = await (await web()).chat.postMessage({
        channel,
        text,
        blocks,
        thread_ts: threadTs,
        unfurl_links: false,
      });
      if (!res.channel || !res.ts) throw new Error("chat.postMessage answered without channel and ts");
      return { channel: res.channel, ts: res.ts };
    },
    async update({ channel, ts, text, blocks }) {
      await (await web()).chat.update({ channel, ts, text, blocks });
    },
    async postEphemeral({ channel, user, text }) {
      await (await web()).chat.postEphemeral({ channel, user, text });
    },
    async openView({ triggerId, view }) {
      await (await web()).views.open({ trigger_id: triggerId, view: view as never });
    },
  };
}
