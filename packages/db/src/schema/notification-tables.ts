import { c, type TableDef } from "./dialect.js";

const define = <T extends TableDef>(def: T) => def;

/**
 * What people were told: an approval reminder, an escalation, a failed send, a daily summary.
 * One row per notification key (`reminder:<draft id>`, `summary:<day>` ...), so a retried
 * workflow step finds the row instead of telling anyone twice; the Slack message it became is
 * recorded on it. The dashboard's "Needs attention" list reads the rows nobody dismissed.
 */
export const notifications = define({
  name: "notifications",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    appId: c.id().optional(),
    /** approval_reminder, escalation, reply_failed, daily_summary */
    kind: c.string(24).required(),
    /** The idempotency key: one notification per key and organization. */
    key: c.string(120).required(),
    draftId: c.id().optional(),
    conversationId: c.id().optional(),
    /** What a person should know, in one sentence (no customer text). */
    reason: c.text().required(),
    /** Where Slack showed it, once posted; empty when Slack is not configured for the org. */
    slackChannelId: c.string(32).optional(),
    slackTs: c.string(32).optional(),
    dismissedBy: c.string(100).optional(),
    dismissedAt: c.time().optional(),
    createdAt: c.time().required(),
    updatedAt: c.time().required(),
  },
  uniques: [{ name: "notifications_key_uq", columns: ["orgId", "key"] }],
  indexes: [{ name: "notifications_open_idx", columns: ["orgId", "dismissedAt", "createdAt"] }],
});
