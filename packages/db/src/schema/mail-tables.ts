import { c, type TableDef } from "./dialect.js";

const define = <T extends TableDef>(def: T) => def;

/**
 * The embedded default's mailbox: the emails the platform sends people (password reset, set a
 * password, invitations, quota warnings) when no SMTP server is configured. The organization is
 * null for mails about an account rather than an organization (a password reset).
 */
export const platformMails = define({
  name: "platform_mails",
  columns: {
    id: c.id().primary(),
    orgId: c.id().optional(),
    /** password_reset, invitation, quota_warning, procedure */
    kind: c.string(24).required(),
    recipient: c.string(320).required(),
    subject: c.string(500).required(),
    text: c.text().required(),
    createdAt: c.time().required(),
  },
  uniques: [],
  indexes: [
    { name: "platform_mails_org_idx", columns: ["orgId", "id"] },
    { name: "platform_mails_recipient_idx", columns: ["recipient", "id"] },
  ],
});
