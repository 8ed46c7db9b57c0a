import { type Database, getDraft, listMessages } from "@support/db";
import { addConversationSource } from "./add.js";
import type { KnowledgeDeps } from "./deps.js";
import { processSource } from "./ingest.js";

/**
 * A reply a human approved becomes knowledge: the customer's question and the sent answer, as a
 * resolved-conversation source with personal data redacted. Auto-sent replies are not learned
 * from (nobody vouched for them), nor are empty ones.
 */
export async function learnFromSentDraft(
  deps: { database: Database; knowledge: KnowledgeDeps },
  orgId: string,
  draftId: string,
): Promise<string | undefined> {
  const draft = await getDraft(deps.database.db, orgId, draftId);
  if (draft?.status !== "sent" || !draft.sentText?.trim()) return undefined;
  const question = (await listMessages(deps.database.db, orgId, draft.conversationId)).find(
    (m) => m.id === draft.messageId,
  );
  if (!question?.text.trim()) return undefined;
  const source = await addConversationSource(
    deps.knowledge,
    orgId,
    draft.appId,
    { question: question.text, answer: draft.sentText, conversationId: draft.conversationId },
    draft.decidedBy ?? "pipeline",
  );
  await processSource(deps.knowledge, orgId, source.id);
  return source.id;
}
