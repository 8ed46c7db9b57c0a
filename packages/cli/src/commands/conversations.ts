import type { ConversationView, DeliveryView } from "@support/contract";
import { CliError, type Output } from "../output.js";
import type { RemoteApi } from "../remote.js";

/** A person's operations on a conversation, on the local DATA_DIR or on a server. */
export interface ConversationsBackend {
  reply(conversationId: string, text: string): Promise<DeliveryView>;
  resend(deliveryId: string): Promise<DeliveryView>;
  takeover(conversationId: string): Promise<ConversationView>;
  release(conversationId: string): Promise<ConversationView>;
}

export function remoteConversations(api: RemoteApi): ConversationsBackend {
  const path = (id: string, action: string) => `/api/v1/conversations/${encodeURIComponent(id)}/${action}`;
  return {
    reply: (id, text) => api.request<DeliveryView>("POST", path(id, "replies"), { text }),
    resend: (id) => api.request<DeliveryView>("POST", `/api/v1/deliveries/${encodeURIComponent(id)}/resend`),
    takeover: (id) => api.request<ConversationView>("POST", path(id, "takeover")),
    release: (id) => api.request<ConversationView>("POST", path(id, "release")),
  };
}

const deliveryLine = (d: DeliveryView) =>
  d.status === "failed"
    ? `Delivery ${d.id} failed: ${d.failureReason ?? "no reason given"}. Resend it with: skill conversations resend ${d.id}`
    : `Delivery ${d.id} ${d.status} on ${d.channel}${d.sandbox ? " (sandbox outbox)" : ""}.`;

/** `skill conversations reply|resend|takeover|release`; a failed delivery prints and exits 1. */
export async function conversationsCommand(
  backend: ConversationsBackend,
  out: Output,
  sub: string | undefined,
  opts: { id?: string; text?: string },
) {
  if (!opts.id) throw new CliError(`conversations ${sub ?? ""} needs an id`.replace("  ", " "));
  switch (sub) {
    case "reply":
    case "resend": {
      if (sub === "reply" && !opts.text?.trim()) throw new CliError("conversations reply needs --text <reply>");
      const d = sub === "reply" ? await backend.reply(opts.id, opts.text ?? "") : await backend.resend(opts.id);
      if (d.status === "failed") out.fail();
      return out.result(d, () => [deliveryLine(d)]);
    }
    case "takeover":
    case "release": {
      const c = await backend[sub](opts.id);
      return out.result(c, () => [
        c.takenOverBy
          ? `${c.id} is taken over by ${c.takenOverBy}: the AI drafts nothing on it.`
          : `${c.id} is back with the AI.`,
      ]);
    }
    default:
      throw new CliError("usage: skill conversations reply|resend|takeover|release");
  }
}
