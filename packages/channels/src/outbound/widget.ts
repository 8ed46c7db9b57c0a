import type { Delivery, ReplyAdapter } from "./port.js";

/**
 * The chat widget has no vendor to call: a reply reaches the visitor as the outbound message the
 * sender stores in the conversation, pushed by the widget's event stream (and shown again in its
 * history). Accepting it is therefore all there is to do; the idempotency key names it.
 */
export function createWidgetReplyAdapter(): ReplyAdapter {
  return {
    channel: "widget",
    sandbox: false,
    async sendReply(_target, _reply, options): Promise<Delivery> {
      return { status: "sent", vendorMessageId: `widget:${options.idempotencyKey}`, attempts: 1, sandbox: false };
    },
  };
}
