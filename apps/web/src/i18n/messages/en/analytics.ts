/**
 * Analytics. The metric texts are packages/core's METRIC_DEFINITIONS (what the SQL computes);
 * test/i18n.test.ts fails when the two drift apart.
 */
export const analytics = {
  "analytics.title": "Analytics",
  "analytics.noApp": "<link>Create an app</link> and connect a channel: analytics start with the first conversation.",
  "analytics.totals": "Totals for the range",
  "analytics.conversations": "Conversations",
  "analytics.nothingYet":
    "Nothing in this range yet: connect a channel or send a test message from <link>Apps & channels</link>.",
  "analytics.volumeByChannel": "Volume by channel",
  "analytics.conversationsByChannel": "Conversations by channel",
  "analytics.volumeByCategory": "Volume by category",
  "analytics.conversationsByCategory": "Conversations by category",
  "analytics.times": "Response and resolution times",
  "analytics.timesChart": "Average time to first response and to resolution",
  "analytics.rates": "Approval, auto-send and deflection",
  "analytics.ratesChart": "Rates in percent",
  "analytics.edits": "Edit rate",
  "analytics.editsChart": "Approved drafts by how much they were changed, in percent",
  "analytics.edit.unchanged": "unchanged",
  "analytics.edit.edited": "edited",
  "analytics.edit.rewritten": "rewritten",
  "analytics.period": "Period",
  "analytics.range.legend": "Date range",
  "analytics.range.last": "Last {days} days",
  "analytics.range.custom": "Custom",
  "analytics.range.from": "From",
  "analytics.range.to": "To",
  "analytics.range.per": "Per",
  "analytics.range.day": "day",
  "analytics.range.week": "week",
  "analytics.range.bothDays": "Choose both days.",
  "analytics.range.order": "The first day must not be after the last.",
  "analytics.range.tooLong": "Choose at most {max} days.",
  "analytics.metric.volume": "Volume",
  "analytics.metric.volume.definition":
    "Conversations started in the period, by the channel they came in on and by the category triage gave the first customer message we drafted for (uncategorized when no draft was made).",
  "analytics.metric.firstResponse": "First response time",
  "analytics.metric.firstResponse.definition":
    "Time from a conversation's first customer message to the first reply sent to the customer after it (a sent draft or a teammate's reply in the channel), averaged over the conversations started in the period that got a reply.",
  "analytics.metric.resolution": "Time to resolution",
  "analytics.metric.resolution.definition":
    "A conversation is resolved when it was closed, or when the last message is our reply and the customer has been silent for 72 hours since. Time to resolution = the close (or that last reply) minus the first customer message, averaged over the conversations started in the period that are resolved.",
  "analytics.metric.approvalRate": "Approval rate",
  "analytics.metric.approvalRate.definition":
    "Of the drafts created in the period that a human decided (approved, rejected or escalated by a person), the share approved and sent, edited or not.",
  "analytics.metric.editRate": "Edit rate",
  "analytics.metric.editRate.definition":
    "Of the drafts a human approved and sent, how much the human changed, by the draft diff: unchanged (more than 95% of the words kept), edited (more than 50%), rewritten (the rest).",
  "analytics.metric.autoSendRate": "Auto-send rate",
  "analytics.metric.autoSendRate.definition":
    "Of the drafts created in the period, the share the autonomy policy sent without a human.",
  "analytics.metric.deflection": "Deflection",
  "analytics.metric.deflection.definition":
    "Of the conversations started in the period that got a reply, the share answered without a human writing or editing anything: every reply was a draft sent unchanged (auto-sent, or approved as drafted) and no teammate replied in the channel. Conversations the customer closed from a suggested article in the chat widget (“this answered my question”) count as answered and deflected.",
  "analytics.metric.csat": "Customer satisfaction (CSAT)",
  "analytics.metric.csat.definition":
    "Replies the customer rated, by the time of their latest rating in the period: from the rating links under replies (1 to 5, or thumbs) and the chat widget's thumbs, a thumbs up counting 5 and a thumbs down 1. The average is out of 5; positive means 4 or 5 (or a thumbs up). A reply rated again counts once, with its latest score.",
  "analytics.csat": "Customer satisfaction",
  "analytics.csatChart": "Share of positive ratings per period",
  "analytics.csatPositive": "Positive ratings",
  "analytics.csatValue": "{average} / 5 · {count, plural, one {# rating} other {# ratings}} · {positive} positive",
  "analytics.csatNone": "No ratings yet",
} as const;
