import type { NotificationRow } from "@support/db";
import type { ServiceContext } from "../service/context.js";

/** Where a notification was posted (Slack's channel id and message ts). */
export interface PostedNotice {
  channel: string;
  ts: string;
}

/** What a notifier is told about a notification: what happened, to what, and the words for it. */
export type Notice = Pick<
  NotificationRow,
  "id" | "orgId" | "appId" | "kind" | "key" | "draftId" | "conversationId" | "reason"
>;

/**
 * The port the notification functions tell people through. The composition root injects the
 * Slack implementation (`@support/slack`), which answers undefined and logs "Slack not
 * configured" for an organization without Slack: the dashboard's "Needs attention" list is then
 * the only place. Each call gets the organization's service context, so the notifier reads what
 * it words (the draft, the conversation, the day's figures) through the same services.
 */
export interface Notifier {
  /** A reminder, escalation or failed send; undefined when nothing was posted. */
  post(ctx: ServiceContext, notice: Notice): Promise<PostedNotice | undefined>;
  /** The daily summary of the context's organization; undefined when nothing was posted. */
  postDailySummary(ctx: ServiceContext, now: Date): Promise<PostedNotice | undefined>;
}
