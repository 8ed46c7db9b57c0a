import { SIGNATURE_HEADER, signPayload } from "@support/sdk/signing";
import { callVendor } from "./http.js";
import type { Delivery, OutboundReply, ReplyAdapter, ReplyTarget, SendOptions } from "./port.js";
import { type RetryPolicy, retryPolicy } from "./retry.js";

export interface GenericReplyConfig {
  /** The product app's endpoint that receives replies. */
  callbackUrl: string;
  /** The app's active signing secrets; one `v1` per secret so rotation never breaks the receiver. */
  signingSecrets: string[];
  retry?: Partial<RetryPolicy>;
  /** The guarded fetch the platform passes for the URLs a tenant set (ADR 0100). */
  fetch?: typeof fetch;
}

/** What the product app receives: the mirror of the generic inbound webhook's body. */
export interface GenericReplyPayload {
  type: "reply.created";
  id: string;
  conversation: { id: string; externalId: string; subject: string | null };
  customer: { email: string | null; phone: string | null; name: string | null };
  message: { text: string; html: string | null };
}

export function createGenericReplyAdapter(config: GenericReplyConfig): ReplyAdapter {
  if (config.signingSecrets.length === 0) throw new Error("the generic channel needs at least one signing secret");
  const policy = retryPolicy(config.retry);
  return {
    channel: "generic",
    sandbox: false,
    async sendReply(target: ReplyTarget, reply: OutboundReply, options: SendOptions): Promise<Delivery> {
      const payload: GenericReplyPayload = {
        type: "reply.created",
        id: options.idempotencyKey,
        conversation: { id: target.conversationId, externalId: target.externalId, subject: target.subject ?? null },
        customer: {
          email: target.contact.email ?? null,
          phone: target.contact.phone ?? null,
          name: target.contact.name ?? null,
        },
        message: { text: reply.text, html: reply.html ?? null },
      };
      const { response, attempts } = await callVendor("the product app", policy, {
        fetch: config.fetch,
        method: "POST",
        url: config.callbackUrl,
        headers: { "idempotency-key": options.idempotencyKey },
        body: JSON.stringify(payload),
        // Signed per attempt: a retry after a long Retry-After must not carry a stale timestamp.
        attemptHeaders: (body) => ({ [SIGNATURE_HEADER]: signPayload(body, config.signingSecrets) }),
      });
      const id = (response.json as { id?: unknown } | undefined)?.id;
      return { status: "sent", vendorMessageId: typeof id === "string" ? id : null, attempts, sandbox: false };
    },
  };
}
