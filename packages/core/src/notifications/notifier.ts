import type { NotificationRow } from "@support/db";

/** Where a notification was posted (Slack's channel id and message ts). */
export interface PostedNotice {
  channel: string;
  ts: string;
}

/**
 * The port the notification functions tell people through. `apps/api` injects the Slack
 * implementation (`apps/slack`), which answers undefined and logs "Slack not configured" for an
 * organization without Slack: the dashboard's "Needs attention" list is then the only place.
 */
export interface Notifier {
  /** A reminder, escalation or failed send; undefined when nothing was posted. */
  post(notification: NotificationRow): Promise<PostedNotice | undefined>;
  /** The daily summary of one organization; undefined when nothing was posted. */
  postDailySummary(orgId: string, now: Date): Promise<PostedNotice | undefined>;
}
