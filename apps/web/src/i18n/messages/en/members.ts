/** Members of the organization and invitations. */
export const members = {
  "members.title": "Members",
  "members.invite.title": "Invite a teammate",
  "members.invite.agent": "agent: reviews drafts",
  "members.invite.admin": "admin: also configures apps",
  "members.invite.owner": "owner: also API keys",
  "members.invite.submit": "Send invitation",
  "members.invite.created":
    "Invitation created for {email}. Share this link: they sign up with that address and accept.",
  "members.invite.link": "Invitation link",
  "members.pending": "Pending invitations",
  "members.anotherOrganization": "Another organization",
} as const;
