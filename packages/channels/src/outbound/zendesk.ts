import { callVendor, joinUrl } from "./http.js";
import type { Delivery, OutboundReply, ReplyAdapter, ReplyTarget, SendOptions } from "./port.js";
import { type RetryPolicy, retryPolicy } from "./retry.js";

export interface ZendeskReplyConfig {
  /** The account's API root, e.g. `https://acme.zendesk.com`. */
  baseUrl: string;
  /** The agent whose API token this is (`{email}/token:{apiToken}` basic auth). */
  email: string;
  apiToken: string;
  /** The Zendesk user id the public comment is written as. */
  authorId: number;
  retry?: Partial<RetryPolicy>;
  /** The guarded fetch the platform passes for the URLs a tenant set (ADR 0100). */
  fetch?: typeof fetch;
}

interface ZendeskUpdateResponse {
  audit?: { id?: number; events?: { id?: number; type?: string }[] };
}

export function createZendeskReplyAdapter(config: ZendeskReplyConfig): ReplyAdapter {
  const policy = retryPolicy(config.retry);
  const credentials = Buffer.from(`${config.email}/token:${config.apiToken}`).toString("base64");
  return {
    channel: "zendesk",
    sandbox: false,
    async sendReply(target: ReplyTarget, reply: OutboundReply, options: SendOptions): Promise<Delivery> {
      const comment = {
        body: reply.text,
        ...(reply.html ? { html_body: reply.html } : {}),
        public: true,
        author_id: config.authorId,
      };
      const { response, attempts } = await callVendor("Zendesk", policy, {
        fetch: config.fetch,
        method: "PUT",
        url: joinUrl(config.baseUrl, `/api/v2/tickets/${encodeURIComponent(target.externalId)}`),
        headers: { authorization: `Basic ${credentials}`, "idempotency-key": options.idempotencyKey },
        body: JSON.stringify({ ticket: { comment } }),
      });
      // The comment is an event of the audit this update created; its id names the message.
      const audit = (response.json as ZendeskUpdateResponse | undefined)?.audit;
      const commentId = audit?.events?.find((e) => e.type === "Comment")?.id ?? audit?.id;
      return {
        status: "sent",
        vendorMessageId: commentId === undefined ? null : String(commentId),
        attempts,
        sandbox: false,
      };
    },
  };
}
