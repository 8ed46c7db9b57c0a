import { releaseConversation, replyAsPerson, resendDelivery, takeOverConversation } from "@support/core";
import type { Product } from "@support/product";
import type { ConversationsBackend } from "./conversations.js";
import { localContext } from "./org.js";

export function localConversations(runtime: Product, org?: string): ConversationsBackend {
  const ctx = () => localContext(runtime, org);
  return {
    reply: async (id, text) => replyAsPerson(await ctx(), id, { text }),
    resend: async (id) => resendDelivery(await ctx(), id),
    takeover: async (id) => takeOverConversation(await ctx(), id),
    release: async (id) => releaseConversation(await ctx(), id),
  };
}
