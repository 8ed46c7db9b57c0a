import { getContact, getConversation, getDraft, listMessages } from "@support/db";
import { asEvidence } from "@support/decisions";
import type { ServiceContext } from "../service/context.js";
import { addConversationSource } from "./add.js";

/**
 * A reply a human approved becomes knowledge: the customer's question and the sent answer, as a
 * resolved-conversation source with personal data redacted, processed by the knowledge workflow.
 * It is evidence, never a canned answer (ADR 0090): the customer's and the approver's names, the
 * greeting, sign-off, amounts, order numbers and statements of actions taken are not learned; a
 * reply with nothing else is not learned at all. Auto-sent replies are not learned from (nobody
 * vouched for them), nor are empty ones.
 */
export async function learnFromSentDraft(ctx: ServiceContext, draftId: string): Promise<string | undefined> {
  const draft = await getDraft(ctx.db, ctx.org.id, draftId);
  if (draft?.status !== "sent" || !draft.sentText?.trim()) return undefined;
  const question = (await listMessages(ctx.db, ctx.org.id, draft.conversationId)).find((m) => m.id === draft.messageId);
  if (!question?.text.trim()) return undefined;
  const conversation = await getConversation(ctx.db, ctx.org.id, draft.conversationId);
  const contact = conversation?.contactId ? await getContact(ctx.db, ctx.org.id, conversation.contactId) : undefined;
  const names = [contact?.name ?? null, contact?.email?.split("@")[0] ?? null, draft.decidedBy];
  if (!asEvidence(draft.sentText, { names })) return undefined;
  // The audit log credits whoever approved the reply with the knowledge it became.
  const learner = { ...ctx, actor: { ...ctx.actor, name: draft.decidedBy ?? ctx.actor.name } };
  const source = await addConversationSource(learner, {
    app: draft.appId,
    question: question.text,
    answer: draft.sentText,
    conversationId: draft.conversationId,
    names,
  });
  return source.id;
}
