import type { EventData } from "../events.js";
import { sendApprovedDraft } from "./decisions.js";
import { type DraftAttempt, draftForMessage } from "./draft-message.js";
import type { PipelineDeps } from "./pipeline-deps.js";

/**
 * What each event makes the pipeline do, as plain functions: the workflow engine's functions
 * wrap these in steps, and tests call them directly.
 */
export async function onMessageReceived(
  deps: PipelineDeps,
  event: EventData<"support/message.received">,
): Promise<DraftAttempt | { kind: "ignored"; reason: string }> {
  if (event.direction !== "inbound" || event.authorKind !== "customer") {
    return { kind: "ignored", reason: "not a customer message" };
  }
  return draftForMessage(deps, {
    orgId: event.orgId,
    conversationId: event.conversationId,
    messageId: event.messageId,
  });
}

export async function onDraftApproved(deps: PipelineDeps, event: EventData<"support/draft.approved">) {
  return sendApprovedDraft(deps, event.orgId, event.draftId);
}
