/** Connecting the organization's Slack workspace. */
export const slack = {
  "slack.title": "Slack",
  "slack.connected":
    "Connected: approval cards, reminders and escalations go to {channel}, the daily summary to {summaryChannel}.",
  "slack.notConnected": "Not connected: approvals, escalations and failed sends show in the review queue only.",
  "slack.form.label": "Slack connection",
  "slack.botToken": "Bot token",
  "slack.signingSecret": "Signing secret",
  "slack.stored": "(stored; leave empty to keep it)",
  "slack.channelId": "Approvals channel id",
  "slack.summaryChannelId": "Daily summary channel id",
  "slack.summaryDefault": "(empty: the approvals channel)",
  "slack.connect": "Connect Slack",
} as const;
