/**
 * The form of each channel: settings are shown and editable, secrets are write-only (the API
 * only says which are set). Mirrors packages/core/src/channels/channel-config.ts.
 */
export interface ChannelFields {
  label: string;
  settings: string[];
  secrets: string[];
}

export const CHANNEL_FIELDS: Record<string, ChannelFields> = {
  generic: { label: "Signed webhook", settings: ["callbackUrl"], secrets: [] },
  web: { label: "Contact form", settings: ["replyFrom"], secrets: [] },
  email: { label: "Email", settings: ["fromAddress"], secrets: ["smtpUrl", "webhookSecret"] },
  front: { label: "Front", settings: ["baseUrl", "authorId"], secrets: ["appSecret", "apiToken"] },
  zendesk: { label: "Zendesk", settings: ["baseUrl", "agentEmail", "agentId"], secrets: ["webhookSecret", "apiToken"] },
  whatsapp: {
    label: "WhatsApp",
    settings: ["baseUrl", "apiVersion", "phoneNumberId", "templateName", "templateLanguage"],
    secrets: ["appSecret", "verifyToken", "accessToken"],
  },
};

/** Only fields the user filled in are sent, so blank secret inputs never erase stored ones. */
export function channelChange(form: Record<string, string>, fields: ChannelFields) {
  const pick = (names: string[]) =>
    Object.fromEntries(names.filter((n) => (form[n] ?? "").trim() !== "").map((n) => [n, (form[n] ?? "").trim()]));
  return { settings: pick(fields.settings), secrets: pick(fields.secrets) };
}
