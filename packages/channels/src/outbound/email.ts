import { createHash } from "node:crypto";
import { createTransport } from "nodemailer";
import {
  type Delivery,
  DeliveryError,
  type OutboundReply,
  type ReplyAdapter,
  type ReplyTarget,
  type SendOptions,
} from "./port.js";
import { type AttemptOutcome, type RetryPolicy, retryPolicy, runWithRetries } from "./retry.js";

export interface SmtpConfig {
  host: string;
  port: number;
  /** Implicit TLS (port 465); otherwise STARTTLS is used when the server offers it. */
  secure?: boolean;
  auth?: { user: string; pass: string };
}

export interface EmailReplyConfig {
  smtp: SmtpConfig;
  /** The sender, `support@acme.test` or `"Acme Support" <support@acme.test>`. */
  from: string;
  replyTo?: string;
  /** Right-hand side of generated Message-IDs; defaults to the sender's domain. */
  messageIdDomain?: string;
  retry?: Partial<RetryPolicy>;
  /**
   * Resolves the SMTP host to the one address to connect to, refusing internal ones (ADR 0100):
   * the platform passes it because the SMTP URL is the tenant's. TLS still checks the host name.
   */
  resolveHost?: (host: string) => Promise<string>;
}

/** The fields nodemailer sets on its errors that decide whether a retry is safe. */
interface SmtpError extends Error {
  code?: string;
  originalCode?: string;
  responseCode?: number;
  response?: string;
  /** nodemailer's reading of the reply class: 5xx (but 503) is permanent, 4xx transient. */
  permanent?: boolean;
  timeoutType?: string;
}

/** SMTP waits that end before the message is handed over, so retrying them cannot duplicate it. */
const BEFORE_HANDOVER = new Set(["CONNECT_TIMEOUT", "GREETING_TIMEOUT"]);

export function createEmailReplyAdapter(config: EmailReplyConfig): ReplyAdapter {
  return emailAdapter(config, "email");
}

/** A web-form conversation is answered by email to the address the customer gave in the form. */
export function createWebFormReplyAdapter(config: EmailReplyConfig): ReplyAdapter {
  return emailAdapter(config, "web");
}

function emailAdapter(config: EmailReplyConfig, channel: "email" | "web"): ReplyAdapter {
  const policy = retryPolicy(config.retry);
  const connect = (host: string) =>
    createTransport({
      host,
      port: config.smtp.port,
      secure: config.smtp.secure ?? false,
      auth: config.smtp.auth,
      tls: { servername: config.smtp.host },
      // Connecting and the greeting get half the attempt's time: a server that never answers fails
      // as a (safely retriable) connect timeout before the attempt's own deadline, which is not.
      connectionTimeout: Math.floor(policy.timeoutMs / 2),
      greetingTimeout: Math.floor(policy.timeoutMs / 2),
      socketTimeout: policy.timeoutMs,
    });
  // Resolved once per send, so the address checked is the address connected to.
  const transportFor = async () => {
    if (!config.resolveHost) return connect(config.smtp.host);
    try {
      return connect(await config.resolveHost(config.smtp.host));
    } catch (error) {
      throw new DeliveryError("refused_address", (error as Error).message, { retriable: false, attempts: 0 });
    }
  };
  const domain = config.messageIdDomain ?? senderDomain(config.from);
  return {
    channel,
    sandbox: false,
    async sendReply(target: ReplyTarget, reply: OutboundReply, options: SendOptions): Promise<Delivery> {
      const to = target.contact.email;
      if (!to) {
        throw new DeliveryError("missing_recipient", "the contact has no email address to reply to", {
          retriable: false,
          attempts: 0,
        });
      }
      // Derived from the idempotency key: a resend carries the same Message-ID, which mail
      // systems use to drop duplicates, and which threads the customer's answer back to us.
      const messageId = `<${createHash("sha256").update(options.idempotencyKey).digest("hex").slice(0, 32)}@${domain}>`;
      const threading = threadingHeaders(target);
      const transport = await transportFor();
      const { attempts } = await runWithRetries(
        policy,
        async (signal): Promise<AttemptOutcome<string>> => {
          try {
            const info = await transport.sendMail({
              from: config.from,
              to: target.contact.name ? { name: target.contact.name, address: to } : to,
              replyTo: config.replyTo,
              subject: replySubject(target.subject),
              text: reply.text,
              html: reply.html,
              attachments: reply.document
                ? [
                    {
                      filename: reply.document.fileName,
                      content: Buffer.from(reply.document.bytes),
                      contentType: reply.document.mimeType,
                    },
                  ]
                : undefined,
              messageId,
              ...threading,
              signal,
            });
            return { kind: "done", value: info.messageId };
          } catch (error) {
            return classifySmtpError(error as SmtpError);
          }
        },
        { retryTimeouts: false },
      );
      return { status: "sent", vendorMessageId: messageId, attempts, sandbox: false };
    },
  };
}

function threadingHeaders(target: ReplyTarget): { inReplyTo?: string; references?: string[] } {
  const parent = target.email?.lastMessageId;
  if (!parent) return {};
  const chain = [...(target.email?.references ?? []).filter((id) => id !== parent), parent];
  return { inReplyTo: parent, references: chain };
}

export function replySubject(subject: string | null | undefined): string {
  const base = subject?.trim() || "Your request";
  return /^re:/i.test(base) ? base : `Re: ${base}`;
}

function senderDomain(from: string): string {
  const address = from.match(/<([^>]+)>/)?.[1] ?? from;
  const domain = address.split("@")[1]?.trim();
  if (!domain) throw new Error(`the sender "${from}" has no domain to build Message-IDs from`);
  return domain;
}

function classifySmtpError(error: SmtpError): AttemptOutcome<string> {
  const reason = `SMTP ${error.responseCode ?? error.code ?? "error"}: ${error.response ?? error.message}`;
  if (error.code === "EABORT") throw error;
  if (error.responseCode !== undefined) {
    return error.permanent === false
      ? { kind: "retry", reason, status: error.responseCode }
      : { kind: "fail", reason, status: error.responseCode };
  }
  const refused = error.originalCode === "ECONNREFUSED" || error.code === "ECONNREFUSED";
  if (refused || (error.timeoutType && BEFORE_HANDOVER.has(error.timeoutType))) return { kind: "retry", reason };
  return { kind: "fail", reason };
}
