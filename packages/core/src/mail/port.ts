import { type Db, insertPlatformMail } from "@support/db";

/** An email to a person of the platform (never a customer: replies go through the channels). */
export interface PlatformMail {
  kind: "password_reset" | "password_set" | "invitation" | "quota_warning" | "procedure" | "shop_notice";
  /** The organization it is about; null for an account's own mail (a password reset). */
  orgId: string | null;
  to: string;
  subject: string;
  text: string;
}

/**
 * How the platform emails people: SMTP in production, the embedded mailbox (`platform_mails`,
 * shown in the sandbox outbox) by default.
 */
export interface Mailer {
  /** True when mail stays in the embedded mailbox instead of reaching an inbox. */
  readonly embedded: boolean;
  send(mail: PlatformMail): Promise<void>;
}

/** The embedded default: every mail is a row an admin reads in the sandbox outbox. */
export function mailboxMailer(db: Db): Mailer {
  return {
    embedded: true,
    async send(mail) {
      await insertPlatformMail(db, {
        orgId: mail.orgId,
        kind: mail.kind,
        recipient: mail.to.toLowerCase(),
        subject: mail.subject,
        text: mail.text,
      });
    },
  };
}

/** SMTP (or any transport that sends one message): the mail reaches the person's inbox. */
export function transportMailer(send: (mail: { to: string; subject: string; text: string }) => Promise<void>): Mailer {
  return { embedded: false, send: (mail) => send({ to: mail.to, subject: mail.subject, text: mail.text }) };
}
