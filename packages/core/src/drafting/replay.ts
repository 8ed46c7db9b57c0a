import { getConversation, listMessages } from "@support/db";
import { AppError } from "../service/errors.js";
import type { PipelineDeps } from "../service/ports.js";
import { noopTracer } from "../service/tracing.js";
import { type DraftPlan, planDraft } from "./plan-draft.js";

/**
 * Re-runs the pipeline on a conversation's latest customer message without storing or sending
 * anything, and returns what each step produced: `skill replay <conversation>`.
 */
export async function replayConversation(
  deps: PipelineDeps,
  orgId: string,
  conversationId: string,
): Promise<{ messageId: string; plan: DraftPlan }> {
  const conversation = await getConversation(deps.database.db, orgId, conversationId);
  if (!conversation) throw new AppError("not_found", `conversation "${conversationId}" not found`);
  const messages = await listMessages(deps.database.db, orgId, conversation.id);
  const latest = messages.filter((m) => m.direction === "inbound" && m.authorKind === "customer").at(-1);
  if (!latest) throw new AppError("conflict", `conversation ${conversationId} has no customer message to answer`);
  const plan = await planDraft(deps, noopTracer, { orgId, conversationId: conversation.id, messageId: latest.id });
  return { messageId: latest.id, plan };
}
