import type { MetricId } from "@support/contract";

/**
 * Every analytics metric, defined once: the SQL in this folder computes exactly this, and the
 * API returns these texts so the dashboard shows the same definition next to each chart.
 */

/** A reply followed by this much customer silence counts as resolving the conversation. */
export const RESOLUTION_QUIET_HOURS = 72;
/** The longest range one request may cover: bounds the work of one query. */
export const MAX_RANGE_DAYS = 366;
/** The category of a conversation no draft was made for. */
export const UNCATEGORIZED = "uncategorized";

export const METRIC_DEFINITIONS = {
  volume: {
    label: "Volume",
    definition:
      "Conversations started in the period, by the channel they came in on and by the category triage gave the first customer message we drafted for (uncategorized when no draft was made).",
  },
  firstResponse: {
    label: "First response time",
    definition:
      "Time from a conversation's first customer message to the first reply sent to the customer after it (a sent draft or a teammate's reply in the channel), averaged over the conversations started in the period that got a reply.",
  },
  resolution: {
    label: "Time to resolution",
    definition: `A conversation is resolved when it was closed, or when the last message is our reply and the customer has been silent for ${RESOLUTION_QUIET_HOURS} hours since. Time to resolution = the close (or that last reply) minus the first customer message, averaged over the conversations started in the period that are resolved.`,
  },
  approvalRate: {
    label: "Approval rate",
    definition:
      "Of the drafts created in the period that a human decided (approved, rejected or escalated by a person), the share approved and sent, edited or not.",
  },
  editRate: {
    label: "Edit rate",
    definition:
      "Of the drafts a human approved and sent, how much the human changed, by the draft diff: unchanged (more than 95% of the words kept), edited (more than 50%), rewritten (the rest).",
  },
  autoSendRate: {
    label: "Auto-send rate",
    definition: "Of the drafts created in the period, the share the autonomy policy sent without a human.",
  },
  deflection: {
    label: "Deflection",
    definition:
      "Of the conversations started in the period that got a reply, the share answered without a human writing or editing anything: every reply was a draft sent unchanged (auto-sent, or approved as drafted) and no teammate replied in the channel. Conversations the customer closed from a suggested article in the chat widget (“this answered my question”) count as answered and deflected.",
  },
  csat: {
    label: "Customer satisfaction (CSAT)",
    definition:
      "Replies the customer rated, by the time of their latest rating in the period: from the rating links under replies (1 to 5, or thumbs) and the chat widget's thumbs, a thumbs up counting 5 and a thumbs down 1. The average is out of 5; positive means 4 or 5 (or a thumbs up). A reply rated again counts once, with its latest score.",
  },
} as const satisfies Record<MetricId, { label: string; definition: string }>;
