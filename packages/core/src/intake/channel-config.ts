import { CHANNEL_KINDS, type ChannelKind } from "@support/contract";
import { z } from "zod";

export { CHANNEL_KINDS, type ChannelKind };

/**
 * What each channel needs, split into settings (returned by the API) and secrets (encrypted,
 * write-only). `inboundRequires` names the secrets without which its webhook answers 404.
 */
const url = z.string().url().max(500);
const token = z.string().min(1).max(2000);

export const channelSpecs = {
  front: {
    settings: z.object({
      baseUrl: url.optional(),
      /** `front_draft`: replies become shared drafts in Front, approved there. */
      approvalSurface: z.enum(["platform", "front_draft"]).optional(),
      authorId: z.string().max(100).optional(),
    }),
    secrets: z.object({ appSecret: token.optional(), apiToken: token.optional() }),
    inboundRequires: ["appSecret"],
  },
  zendesk: {
    settings: z.object({
      baseUrl: url.optional(),
      agentEmail: z.string().email().optional(),
      agentId: z.string().max(50).optional(),
    }),
    secrets: z.object({ webhookSecret: token.optional(), apiToken: token.optional() }),
    inboundRequires: ["webhookSecret"],
  },
  whatsapp: {
    settings: z.object({
      baseUrl: url.optional(),
      apiVersion: z
        .string()
        .regex(/^v\d+\.\d+$/)
        .optional(),
      phoneNumberId: z.string().max(50).optional(),
      templateName: z.string().max(200).optional(),
      templateLanguage: z.string().max(20).optional(),
    }),
    secrets: z.object({ appSecret: token.optional(), verifyToken: token.optional(), accessToken: token.optional() }),
    inboundRequires: ["appSecret", "verifyToken"],
  },
  email: {
    settings: z.object({ fromAddress: z.string().email().optional() }),
    secrets: z.object({ smtpUrl: url.optional(), webhookSecret: token.optional() }),
    inboundRequires: [],
  },
  web: {
    settings: z.object({ replyFrom: z.string().email().optional(), enabled: z.boolean().optional() }),
    secrets: z.object({}),
    inboundRequires: [],
  },
  generic: {
    settings: z.object({ callbackUrl: url.optional() }),
    secrets: z.object({}),
    inboundRequires: [],
  },
  widget: {
    settings: z.object({
      enabled: z.boolean().optional(),
      /** Pages allowed to embed the widget and call its routes (CORS and `frame-ancestors`). */
      allowedOrigins: z.array(z.string().max(200)).max(50).optional(),
      /** The customer's plan (from the signed identity) → autonomy tier; `defaultTier` for the rest. */
      plans: z.record(z.string().max(50), z.enum(["suggest", "one_click", "auto_send"])).optional(),
      defaultTier: z.enum(["suggest", "one_click", "auto_send"]).optional(),
      /** What the widget tells a customer waiting for a person ("within a few hours"). */
      responseTime: z.string().max(100).optional(),
    }),
    secrets: z.object({ widgetSecret: token.optional(), previousWidgetSecret: token.optional() }),
    inboundRequires: ["widgetSecret"],
  },
} as const satisfies Record<
  ChannelKind,
  { settings: z.ZodObject; secrets: z.ZodObject; inboundRequires: readonly string[] }
>;

export type ChannelSettings<K extends ChannelKind> = z.infer<(typeof channelSpecs)[K]["settings"]>;
export type ChannelSecrets<K extends ChannelKind> = z.infer<(typeof channelSpecs)[K]["secrets"]>;

export function isChannelKind(value: string): value is ChannelKind {
  return Object.hasOwn(channelSpecs, value);
}

/** Webhook URLs carry the app id, which is unique across organizations (slugs are per org). */
export function webhookUrl(publicUrl: string, appId: string, kind: ChannelKind): string {
  if (kind === "widget") return `${publicUrl}/widget/v1/${appId}`;
  return kind === "web" ? `${publicUrl}/support/${appId}` : `${publicUrl}/webhooks/${kind}/${appId}`;
}
