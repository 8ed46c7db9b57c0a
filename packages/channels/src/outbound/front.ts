import { textToHtml } from "./html.js";
import { callVendor, joinUrl } from "./http.js";
import type { Delivery, OutboundReply, ReplyAdapter, ReplyTarget, SendOptions } from "./port.js";
import { type RetryPolicy, retryPolicy } from "./retry.js";

export interface FrontReplyConfig {
  apiToken: string;
  baseUrl?: string;
  /**
   * `reply` sends in the conversation; `shared_draft` leaves a draft visible to every teammate,
   * for teams that approve in Front itself (the send then arrives as an `outbound_sent` event).
   */
  mode: "reply" | "shared_draft";
  /** The teammate the reply or draft is written as (`tea_…` or `alt:email:…`); drafts require one. */
  authorId?: string;
  /** The channel to send from, when the conversation's default is not the right one. */
  channelId?: string;
  retry?: Partial<RetryPolicy>;
  /** The guarded fetch the platform passes for the URLs a tenant set (ADR 0100). */
  fetch?: typeof fetch;
}

export const FRONT_API_URL = "https://api2.frontapp.com";

interface FrontAccepted {
  message_uid?: string;
}

interface FrontMessage {
  id?: string;
}

export function createFrontReplyAdapter(config: FrontReplyConfig): ReplyAdapter {
  const policy = retryPolicy(config.retry);
  const baseUrl = config.baseUrl ?? FRONT_API_URL;
  if (config.mode === "shared_draft" && !config.authorId) {
    throw new Error("a Front shared draft needs the teammate it is written as (authorId)");
  }
  return {
    channel: "front",
    sandbox: false,
    async sendReply(target: ReplyTarget, reply: OutboundReply, _options: SendOptions): Promise<Delivery> {
      const conversation = encodeURIComponent(target.externalId);
      const payload = {
        body: reply.html ?? textToHtml(reply.text),
        text: reply.text,
        ...(config.authorId ? { author_id: config.authorId } : {}),
        ...(config.channelId ? { channel_id: config.channelId } : {}),
      };
      const headers = { authorization: `Bearer ${config.apiToken}` };
      if (config.mode === "shared_draft") {
        const { response, attempts } = await callVendor("Front", policy, {
          fetch: config.fetch,
          method: "POST",
          url: joinUrl(baseUrl, `/conversations/${conversation}/drafts`),
          headers,
          body: JSON.stringify({ ...payload, mode: "shared" }),
        });
        const draft = response.json as FrontMessage | undefined;
        return { status: "queued", vendorMessageId: draft?.id ?? null, attempts, sandbox: false };
      }
      const { response, attempts } = await callVendor("Front", policy, {
        fetch: config.fetch,
        method: "POST",
        url: joinUrl(baseUrl, `/conversations/${conversation}/messages`),
        headers,
        body: JSON.stringify({ ...payload, options: { archive: false } }),
      });
      // Front answers 202 with the message's uid; `alt:uid:<uid>` is its documented alias for the
      // message id, usable wherever Front expects one.
      const uid = (response.json as FrontAccepted | undefined)?.message_uid;
      return { status: "sent", vendorMessageId: uid ? `alt:uid:${uid}` : null, attempts, sandbox: false };
    },
  };
}
