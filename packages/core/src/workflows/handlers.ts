import type { GatheredContext } from "../context/gather-step.js";
import { type DraftAttempt, draftForMessage } from "../drafting/draft-for-message.js";
import type { EventData } from "../events.js";
import { settleApprovedActions } from "../review/approved-actions.js";
import { sendApprovedDraft } from "../review/decisions.js";
import type { PipelineDeps } from "../service/ports.js";

/**
 * What each event makes the pipeline do, as plain functions: the workflow engine's functions
 * wrap these in steps, and tests call them directly.
 */
export async function onMessageReceived(
  deps: PipelineDeps,
  event: EventData<"support/message.received">,
  gathered?: GatheredContext,
): Promise<DraftAttempt | { kind: "ignored"; reason: string }> {
  if (event.direction !== "inbound" || event.authorKind !== "customer") {
    return { kind: "ignored", reason: "not a customer message" };
  }
  return draftForMessage(deps, {
    orgId: event.orgId,
    conversationId: event.conversationId,
    messageId: event.messageId,
    gathered,
  });
}

/** Approved: run the approved actions, then send - or, when one failed, hand the draft back. */
export async function onDraftApproved(deps: PipelineDeps, event: EventData<"support/draft.approved">) {
  const actions = await settleApprovedActions(deps, event.orgId, event.draftId);
  if (actions.failed) return { kind: "action_failed" as const, failed: actions.failed };
  return { kind: "sent" as const, draft: await sendApprovedDraft(deps, event.orgId, event.draftId) };
}
