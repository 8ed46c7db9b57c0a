import type { Delivery, OutboundReply, ReplyAdapter, ReplyChannel, ReplyTarget, SendOptions } from "./port.js";

/** One reply as the sandbox records it instead of sending it. */
export interface SandboxEntry {
  orgId: string;
  appId: string;
  conversationId: string;
  channelKind: ReplyChannel;
  idempotencyKey: string;
  recipient: string | null;
  subject: string | null;
  text: string;
  html: string | null;
}

/** Where sandbox replies are kept (the database outbox, in the product). */
export interface SandboxOutbox {
  record(entry: SandboxEntry): Promise<{ id: string }>;
}

/**
 * The embedded default for a channel without credentials: nothing leaves the machine, the reply
 * is recorded in the outbox so the dashboard can show what would have been sent.
 */
export function createSandboxReplyAdapter(channel: ReplyChannel, outbox: SandboxOutbox): ReplyAdapter {
  return {
    channel,
    sandbox: true,
    async sendReply(target: ReplyTarget, reply: OutboundReply, options: SendOptions): Promise<Delivery> {
      const recipient =
        channel === "whatsapp"
          ? (target.contact.phone ?? null)
          : (target.contact.email ?? target.contact.phone ?? target.contact.name ?? null);
      const recorded = await outbox.record({
        orgId: target.orgId,
        appId: target.appId,
        conversationId: target.conversationId,
        channelKind: channel,
        idempotencyKey: options.idempotencyKey,
        recipient,
        subject: target.subject ?? null,
        // The outbox keeps text: a document is named on a line of its own.
        text: reply.document ? `${reply.text}\n[${reply.document.fileName}]` : reply.text,
        html: reply.html ?? null,
      });
      return { status: "sent", vendorMessageId: recorded.id, attempts: 1, sandbox: true };
    },
  };
}
