import type { Notice, Notifier, ServiceContext } from "@support/core";
import { connectionFor } from "./cards.js";
import type { SlackClient } from "./deps.js";
import {
  type PostedMessage,
  postApprovalReminder,
  postDailySummary,
  postEscalationMessage,
  postReplyFailedMessage,
  postShopMessage,
} from "./messages.js";

/**
 * The Slack implementation of the notification port: a reminder is a reply in the approval
 * card's thread, an escalation or a failed send a message in the approvals channel, the daily
 * summary a message in the summary channel. For an organization without Slack (or a connection
 * limited to another app) it posts nothing and logs "Slack not configured"; the dashboard shows
 * the notification either way. Slack errors propagate, so the engine retries the step.
 */
export function createSlackNotifier(client: SlackClient): Notifier {
  const post = async (ctx: ServiceContext, notice: Notice): Promise<PostedMessage | undefined> => {
    const { draftId, conversationId } = notice;
    const connection = await connectionFor(client, ctx);
    if (!connection || (connection.appId && connection.appId !== notice.appId)) return undefined;
    switch (notice.kind) {
      case "approval_reminder":
        return draftId ? postApprovalReminder(client, ctx, draftId) : undefined;
      case "escalation":
      case "procedure":
        return conversationId
          ? postEscalationMessage(client, ctx, { conversationId, reason: notice.reason })
          : undefined;
      case "reply_failed":
        return draftId ? postReplyFailedMessage(client, ctx, { draftId, reason: notice.reason }) : undefined;
      case "quote_approval":
      case "order_confirmed":
      case "lead_qualified":
        return conversationId ? postShopMessage(client, ctx, { conversationId, reason: notice.reason }) : undefined;
      default:
        return undefined;
    }
  };
  return {
    async post(ctx, notice) {
      const posted = await post(ctx, notice);
      if (posted) ctx.ports.counters.increment("slack_notifications_total", { kind: notice.kind });
      return posted && { channel: posted.channel, ts: posted.ts };
    },
    async postDailySummary(ctx, now) {
      const posted = await postDailySummary(client, ctx, now);
      if (posted) ctx.ports.counters.increment("slack_notifications_total", { kind: "daily_summary" });
      return posted && { channel: posted.channel, ts: posted.ts };
    },
  };
}
