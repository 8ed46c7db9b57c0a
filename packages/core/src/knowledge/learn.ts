import { getDraft, listMessages } from "@support/db";
import type { ServiceContext } from "../service/context.js";
import { addConversationSource } from "./add.js";

/**
 * A reply a human approved becomes knowledge: the customer's question and the sent answer, as a
 * resolved-conversation source with personal data redacted, processed by the knowledge workflow.
 * Auto-sent replies are not learned from (nobody vouched for them), nor are empty ones.
 */
export async function learnFromSentDraft(ctx: ServiceContext, draftId: string): Promise<string | undefined> {
  const draft = await getDraft(ctx.db, ctx.org.id, draftId);
  if (draft?.status !== "sent" || !draft.sentText?.trim()) return undefined;
  const question = (await listMessages(ctx.db, ctx.org.id, draft.conversationId)).find((m) => m.id === draft.messageId);
  if (!question?.text.trim()) return undefined;
  // The audit log credits whoever approved the reply with the knowledge it became.
  const learner = { ...ctx, actor: { ...ctx.actor, name: draft.decidedBy ?? ctx.actor.name } };
  const source = await addConversationSource(learner, {
    app: draft.appId,
    question: question.text,
    answer: draft.sentText,
    conversationId: draft.conversationId,
  });
  return source.id;
}
