import type { ReplayView } from "@support/contract";
import { getConversation, listMessages } from "@support/db";
import { gatherForConversation } from "../context/gather-step.js";
import type { ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import { loadDraftInputs } from "./inputs.js";
import { type DraftPlan, planDraft } from "./plan-draft.js";

/**
 * Re-runs the drafting steps (load and guard, gather, plan) on a conversation's latest customer
 * message without storing or sending anything, and returns what each step produced: `skill
 * replay <conversation>`, locally or through the API. Any member may replay.
 */
export async function replayConversation(ctx: ServiceContext, conversationId: string): Promise<ReplayView> {
  const conversation = await getConversation(ctx.db, ctx.org.id, conversationId);
  if (!conversation) throw new AppError("not_found", `conversation "${conversationId}" not found`);
  const messages = await listMessages(ctx.db, ctx.org.id, conversation.id);
  const latest = messages.filter((m) => m.direction === "inbound" && m.authorKind === "customer").at(-1);
  if (!latest) throw new AppError("conflict", `conversation ${conversationId} has no customer message to answer`);
  // A replay is not an observation of the live pipeline: its model calls are not traced.
  const untraced: ServiceContext = { ...ctx, ports: { ...ctx.ports, tracer: undefined } };
  const inputs = await loadDraftInputs(untraced, { conversationId: conversation.id, messageId: latest.id });
  const plan: DraftPlan =
    inputs.kind === "ready"
      ? await planDraft(untraced, inputs, await gatherForConversation(untraced, conversation.id))
      : inputs;
  return {
    conversationId: conversation.id,
    messageId: latest.id,
    outcome: plan.kind,
    reason: plan.kind === "skipped" ? plan.reason : null,
    status: plan.kind === "planned" ? plan.values.status : null,
    steps: plan.steps,
  };
}
