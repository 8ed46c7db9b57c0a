import { c, type TableDef } from "./dialect.js";

const define = <T extends TableDef>(def: T) => def;

/**
 * The Slack workspace an organization approves drafts in (one per organization). The bot token
 * and signing secret are encrypted together; the rest is returned by the API.
 */
export const slackConfigs = define({
  name: "slack_configs",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    /** The channel approval cards, reminders and summaries go to. */
    channelId: c.string(32).required(),
    /** The channel of the daily summary; null means the approvals channel. */
    summaryChannelId: c.string(32).optional(),
    /** Restricts the cards to one app's drafts when set. */
    appId: c.id().optional(),
    /** The Slack Web API base URL (tests point it at a fake); null means Slack's own. */
    apiUrl: c.string(500).optional(),
    /** `{ botToken, signingSecret }`, encrypted; never returned. */
    credentialsCiphertext: c.text().required(),
    createdAt: c.time().required(),
    updatedAt: c.time().required(),
  },
  uniques: [{ name: "slack_configs_org_uq", columns: ["orgId"] }],
  indexes: [],
});

/** The approval card posted for a draft: where it is, so a decision anywhere can update it. */
export const slackCards = define({
  name: "slack_cards",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    draftId: c.id().required(),
    channelId: c.string(32).required(),
    ts: c.string(32).required(),
    /** The draft status the card last showed, so a re-published event does not update it again. */
    shownStatus: c.string(20).required(),
    createdAt: c.time().required(),
    updatedAt: c.time().required(),
  },
  uniques: [{ name: "slack_cards_draft_uq", columns: ["orgId", "draftId"] }],
  indexes: [],
});
