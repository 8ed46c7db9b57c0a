import {
  createReplyAdapter,
  type OutboundTransport,
  type ReplyChannelConfig,
  type SmtpConfig,
} from "@support/channels";
import { type Database, findAppForWebhook, type SecretBox } from "@support/db";
import { loadChannel } from "../intake/channels.js";
import type { ConfiguredAdapterLookup } from "./registry.js";

/** `smtp://user:pass@host:587` or `smtps://…:465`, the form operators already know. */
export function smtpFromUrl(url: string): SmtpConfig {
  const parsed = new URL(url);
  const secure = parsed.protocol === "smtps:";
  return {
    host: parsed.hostname,
    port: Number(parsed.port) || (secure ? 465 : 587),
    secure,
    auth: parsed.username
      ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) }
      : undefined,
  };
}

/**
 * Outbound configuration from what `skill channels set` stored. A channel without the
 * credentials to send yields undefined, and the reply goes to the sandbox outbox instead.
 * It takes the database and the secrets box rather than a context: it builds part of the ports
 * (the reply registry), and the target it is asked about names its own organization. Every URL
 * and SMTP host here is the tenant's, so the adapters reach them through `outbound` (ADR 0100).
 */
export function storedChannelAdapters(
  database: Database,
  secrets: SecretBox,
  outbound: OutboundTransport,
): ConfiguredAdapterLookup {
  const db = database.db;
  const store = { db, ports: { secrets } };
  return async (target) => {
    const app = await findAppForWebhook(db, target.appId);
    if (!app || app.orgId !== target.orgId) return undefined;
    const config = await (async (): Promise<ReplyChannelConfig | undefined> => {
      switch (target.channel) {
        case "front": {
          const c = await loadChannel(store, app, "front");
          if (!c?.secrets.apiToken) return undefined;
          return {
            channel: "front",
            apiToken: c.secrets.apiToken,
            baseUrl: c.settings.baseUrl,
            mode: c.settings.approvalSurface === "front_draft" ? "shared_draft" : "reply",
            authorId: c.settings.authorId,
          };
        }
        case "zendesk": {
          const c = await loadChannel(store, app, "zendesk");
          const { baseUrl, agentEmail, agentId } = c?.settings ?? {};
          if (!c?.secrets.apiToken || !baseUrl || !agentEmail || !agentId) return undefined;
          return {
            channel: "zendesk",
            baseUrl,
            email: agentEmail,
            apiToken: c.secrets.apiToken,
            authorId: Number(agentId),
          };
        }
        case "whatsapp": {
          const c = await loadChannel(store, app, "whatsapp");
          if (!c?.secrets.accessToken || !c.settings.phoneNumberId) return undefined;
          const { templateName, templateLanguage } = c.settings;
          return {
            channel: "whatsapp",
            accessToken: c.secrets.accessToken,
            phoneNumberId: c.settings.phoneNumberId,
            baseUrl: c.settings.baseUrl,
            apiVersion: c.settings.apiVersion,
            template: templateName ? { name: templateName, language: templateLanguage ?? "en" } : undefined,
          };
        }
        case "email":
        case "web": {
          // The web form answers by email, through the email channel's SMTP server.
          const email = await loadChannel(store, app, "email");
          const web = target.channel === "web" ? await loadChannel(store, app, "web") : undefined;
          const from = web?.settings.replyFrom ?? email?.settings.fromAddress;
          if (!email?.secrets.smtpUrl || !from) return undefined;
          return { channel: target.channel, smtp: smtpFromUrl(email.secrets.smtpUrl), from };
        }
        case "generic": {
          const c = await loadChannel(store, app, "generic");
          if (!c?.settings.callbackUrl || c.signingSecrets.length === 0) return undefined;
          return { channel: "generic", callbackUrl: c.settings.callbackUrl, signingSecrets: c.signingSecrets };
        }
        case "widget":
          // The widget's replies are the stored messages its stream pushes: nothing to configure.
          return { channel: "widget" };
        default:
          return undefined;
      }
    })();
    return config ? createReplyAdapter(config, outbound) : undefined;
  };
}
