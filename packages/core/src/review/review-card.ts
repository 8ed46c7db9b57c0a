import type { DraftView } from "@support/contract";
import { getContact, getConversation } from "@support/db";
import type { ServiceContext } from "../service/context.js";
import { findDraftView } from "./public-draft.js";

/** What an approval card (Slack) shows about a draft: the draft, who the customer is, and the subject. */
export interface ReviewCard {
  draft: DraftView;
  customer: string;
  subject: string | null;
}

/** The card's content, or undefined when the organization has no such draft. */
export async function reviewCard(ctx: ServiceContext, draftId: string): Promise<ReviewCard | undefined> {
  const draft = await findDraftView(ctx, draftId);
  if (!draft) return undefined;
  const conversation = await getConversation(ctx.db, ctx.org.id, draft.conversationId);
  const contact = conversation ? await getContact(ctx.db, ctx.org.id, conversation.contactId) : undefined;
  return {
    draft,
    customer: contact?.name ?? contact?.email ?? contact?.phone ?? "A customer",
    subject: conversation?.subject ?? null,
  };
}
