import type { FrontPluginLookupView } from "@support/contract";
import { getContact, listConversationsByExternalId, listDraftsForConversation } from "@support/db";
import { publicConversation } from "../review/conversations.js";
import { findDraftView } from "../review/public-draft.js";
import type { ServiceContext } from "../service/context.js";

/**
 * Our conversations for the Front conversation open in the sidebar (the Front channel stores
 * Front's `cnv_…` id as the conversation's external id; one per app receiving it), each with its
 * newest draft as the dashboard shows it. None is an answer too: the plugin says so.
 */
export async function frontConversation(
  ctx: ServiceContext,
  frontConversationId: string,
): Promise<FrontPluginLookupView> {
  const orgId = ctx.org.id;
  const found = await listConversationsByExternalId(ctx.db, orgId, "front", frontConversationId);
  const conversations = await Promise.all(
    found.map(async (conversation) => {
      const [contact, drafts] = await Promise.all([
        getContact(ctx.db, orgId, conversation.contactId),
        listDraftsForConversation(ctx.db, orgId, conversation.id),
      ]);
      const newest = drafts[0];
      return {
        conversation: publicConversation(conversation),
        contact: contact ? { name: contact.name, email: contact.email } : null,
        draft: newest ? ((await findDraftView(ctx, newest.id)) ?? null) : null,
      };
    }),
  );
  return { frontConversationId, conversations };
}
