import type { MessageId } from "../i18n/translator.js";

/**
 * The form of each channel: settings are shown and editable, secrets are write-only (the API
 * only says which are set). Mirrors packages/core/src/channels/channel-config.ts.
 */
export interface ChannelFields {
  label: MessageId;
  settings: string[];
  secrets: string[];
}

export const CHANNEL_FIELDS: Record<string, ChannelFields> = {
  generic: { label: "apps.channel.generic", settings: ["callbackUrl"], secrets: [] },
  web: { label: "apps.channel.web", settings: ["replyFrom"], secrets: [] },
  email: { label: "apps.channel.email", settings: ["fromAddress"], secrets: ["smtpUrl", "webhookSecret"] },
  front: { label: "apps.channel.front", settings: ["baseUrl", "authorId"], secrets: ["appSecret", "apiToken"] },
  zendesk: {
    label: "apps.channel.zendesk",
    settings: ["baseUrl", "agentEmail", "agentId"],
    secrets: ["webhookSecret", "apiToken"],
  },
  whatsapp: {
    label: "apps.channel.whatsapp",
    settings: ["baseUrl", "apiVersion", "phoneNumberId", "templateName", "templateLanguage"],
    secrets: ["appSecret", "verifyToken", "accessToken"],
  },
};

/** Channel kinds by name, for filters and threads; a kind the dashboard does not know shows its code. */
export const CHANNEL_LABEL: Partial<Record<string, MessageId>> = Object.fromEntries(
  Object.entries(CHANNEL_FIELDS).map(([kind, fields]) => [kind, fields.label]),
);

/** Only fields the user filled in are sent, so blank secret inputs never erase stored ones. */
export function channelChange(form: Record<string, string>, fields: Pick<ChannelFields, "settings" | "secrets">) {
  const pick = (names: string[]) =>
    Object.fromEntries(names.filter((n) => (form[n] ?? "").trim() !== "").map((n) => [n, (form[n] ?? "").trim()]));
  return { settings: pick(fields.settings), secrets: pick(fields.secrets) };
}
