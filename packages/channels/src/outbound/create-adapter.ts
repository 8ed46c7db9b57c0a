import { createEmailReplyAdapter, createWebFormReplyAdapter, type EmailReplyConfig } from "./email.js";
import { createFrontReplyAdapter, type FrontReplyConfig } from "./front.js";
import { createGenericReplyAdapter, type GenericReplyConfig } from "./generic.js";
import type { ReplyAdapter } from "./port.js";
import { createWhatsAppReplyAdapter, type WhatsAppReplyConfig } from "./whatsapp.js";
import { createWidgetReplyAdapter } from "./widget.js";
import { createZendeskReplyAdapter, type ZendeskReplyConfig } from "./zendesk.js";

/** A channel's outbound configuration, as stored for it (decrypted), tagged by channel. */
export type ReplyChannelConfig =
  | ({ channel: "front" } & FrontReplyConfig)
  | ({ channel: "zendesk" } & ZendeskReplyConfig)
  | ({ channel: "whatsapp" } & WhatsAppReplyConfig)
  | ({ channel: "email" } & EmailReplyConfig)
  | ({ channel: "web" } & EmailReplyConfig)
  | ({ channel: "generic" } & GenericReplyConfig)
  | { channel: "widget" };

/**
 * How replies reach the tenant's addresses: the guarded fetch and the SMTP host check that the
 * platform builds from its configuration (ADR 0100). Absent, the global fetch and DNS are used.
 */
export interface OutboundTransport {
  fetch?: typeof fetch;
  resolveHost?: (host: string) => Promise<string>;
}

export function createReplyAdapter(base: ReplyChannelConfig, transport: OutboundTransport = {}): ReplyAdapter {
  const config = { ...base, ...transport };
  switch (config.channel) {
    case "front":
      return createFrontReplyAdapter(config);
    case "zendesk":
      return createZendeskReplyAdapter(config);
    case "whatsapp":
      return createWhatsAppReplyAdapter(config);
    case "email":
      return createEmailReplyAdapter(config);
    case "web":
      return createWebFormReplyAdapter(config);
    case "generic":
      return createGenericReplyAdapter(config);
    case "widget":
      return createWidgetReplyAdapter();
  }
}
