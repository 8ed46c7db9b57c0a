import type { Notifier } from "@support/core";
import type { NotificationRow } from "@support/db";
import { connectionFor } from "./cards.js";
import type { SlackDeps } from "./deps.js";
import {
  type PostedMessage,
  postApprovalReminder,
  postDailySummary,
  postEscalationMessage,
  postReplyFailedMessage,
} from "./messages.js";

/**
 * The Slack implementation of the notification port: a reminder is a reply in the approval
 * card's thread, an escalation or a failed send a message in the approvals channel, the daily
 * summary a message in the summary channel. For an organization without Slack (or a connection
 * limited to another app) it posts nothing and logs "Slack not configured"; the dashboard shows
 * the notification either way. Slack errors propagate, so the engine retries the step.
 */
export function createSlackNotifier(deps: SlackDeps): Notifier {
  const post = async (notification: NotificationRow): Promise<PostedMessage | undefined> => {
    const { orgId, draftId, conversationId } = notification;
    const connection = await connectionFor(deps, orgId);
    if (!connection || (connection.appId && connection.appId !== notification.appId)) return undefined;
    switch (notification.kind) {
      case "approval_reminder":
        return draftId ? postApprovalReminder(deps, orgId, draftId) : undefined;
      case "escalation":
        return conversationId
          ? postEscalationMessage(deps, orgId, { conversationId, reason: notification.reason })
          : undefined;
      case "reply_failed":
        return draftId ? postReplyFailedMessage(deps, orgId, { draftId, reason: notification.reason }) : undefined;
      default:
        return undefined;
    }
  };
  return {
    async post(notification) {
      const posted = await post(notification);
      if (posted) deps.counters.increment("slack_notifications_total", { kind: notification.kind });
      return posted && { channel: posted.channel, ts: posted.ts };
    },
    async postDailySummary(orgId, now) {
      const posted = await postDailySummary(deps, orgId, now);
      if (posted) deps.counters.increment("slack_notifications_total", { kind: "daily_summary" });
      return posted && { channel: posted.channel, ts: posted.ts };
    },
  };
}
