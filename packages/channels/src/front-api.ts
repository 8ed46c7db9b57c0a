import { type FrontMessage, frontMessage } from "./inbound/front-payload.js";

export const FRONT_API_BASE_URL = "https://api2.frontapp.com";

/** Reads a full message (text, HTML, attachments, recipients) that a webhook only previewed. */
export async function fetchFrontMessage(options: {
  baseUrl?: string;
  apiToken: string;
  messageId: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}): Promise<FrontMessage> {
  const base = (options.baseUrl ?? FRONT_API_BASE_URL).replace(/\/$/, "");
  const response = await (options.fetch ?? fetch)(`${base}/messages/${encodeURIComponent(options.messageId)}`, {
    headers: { authorization: `Bearer ${options.apiToken}`, accept: "application/json" },
    signal: AbortSignal.timeout(options.timeoutMs ?? 3000),
  });
  if (!response.ok) throw new Error(`Front API answered ${response.status} for message ${options.messageId}`);
  const parsed = frontMessage.safeParse(await response.json());
  if (!parsed.success) throw new Error(`Front API returned an unexpected message shape for ${options.messageId}`);
  return parsed.data;
}
