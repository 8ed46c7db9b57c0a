/** Password reset, setting a password from a link, and the mailbox of the sandbox outbox. */
export const account = {
  "account.forgot": "Forgot your password?",
  "account.forgot.title": "Reset your password",
  "account.forgot.hint": "Enter the email you sign in with: we send a link to choose a new password.",
  "account.forgot.submit": "Send the link",
  "account.forgot.sent":
    "If an account uses this address, a link to choose a new password is on its way. It is valid for one hour.",
  "account.backToSignIn": "Back to sign in",
  "account.reset.title": "Choose a new password",
  "account.reset.password": "New password",
  "account.reset.hint": "At least 10 characters.",
  "account.reset.submit": "Save the new password",
  "account.reset.done": "Your password is changed: sign in with it.",
  "account.reset.invalid": "This link is invalid, used or expired: ask for a new one.",
  "account.mailbox.title": "Emails to people",
  "account.mailbox.hint":
    "With no mail server configured (SMTP_URL), the emails the platform sends people (invitations, quota warnings) are kept here.",
  "account.mailbox.empty": "No email yet.",
  "account.mailbox.to": "To {recipient}",
  "account.rights.title": "Customer's data",
  "account.rights.export": "Export everything held about this customer (JSON)",
  "account.rights.erase": "Erase this customer",
  "account.rights.confirmHint":
    "Their contacts, conversations, messages, drafts and learned replies are deleted for good.",
  "account.rights.confirmErase": "Confirm erasure",
  "account.quotaExceeded": "Your plan's limit is reached: upgrade the plan on the Billing page, or remove some.",
} as const;
