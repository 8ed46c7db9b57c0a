import { createTransport } from "nodemailer";
import type { SmtpConfig } from "./email.js";

/** An email from the platform to a person (a password reset, an invitation), not a reply. */
export interface PlainMail {
  to: string;
  subject: string;
  text: string;
}

/**
 * The platform's own SMTP server (the operator's configuration, not a tenant's: no address
 * guard). One message per call; a failure throws for the caller to log.
 */
export function createSmtpMailSender(config: { smtp: SmtpConfig; from: string; timeoutMs?: number }) {
  const timeout = config.timeoutMs ?? 15_000;
  const transport = createTransport({
    host: config.smtp.host,
    port: config.smtp.port,
    secure: config.smtp.secure ?? false,
    auth: config.smtp.auth,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return async (mail: PlainMail): Promise<void> => {
    await transport.sendMail({ from: config.from, to: mail.to, subject: mail.subject, text: mail.text });
  };
}

/** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465` (implicit TLS). */
export function parseSmtpUrl(url: string): SmtpConfig {
  const parsed = new URL(url);
  if (parsed.protocol !== "smtp:" && parsed.protocol !== "smtps:") throw new Error("an smtp:// or smtps:// URL");
  const secure = parsed.protocol === "smtps:";
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
    secure,
    auth: parsed.username
      ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) }
      : undefined,
  };
}
