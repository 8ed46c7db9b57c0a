import type { WorkflowClient } from "@support/engine";
import { relayProcedureDecision } from "../procedures/message-approval.js";
import { serviceContext, WORKFLOW } from "../service/context.js";
import type { Platform } from "../service/ports.js";
import { supportEvents } from "./event-types.js";

/**
 * A draft was decided for good (sent, rejected, expired, failed): when a procedure run wrote it,
 * the run hears of it through `support/procedure.message_decided` (ADR 0113). The review path
 * stays as it is; this function only translates.
 */
export function relayProcedureDecisionFn(inngest: WorkflowClient, platform: Platform) {
  return inngest.createFunction(
    {
      id: "relay-procedure-decision",
      retries: 5,
      triggers: [
        { event: supportEvents["support/reply.sent"] },
        { event: supportEvents["support/draft.rejected"] },
        { event: supportEvents["support/draft.expired"] },
        { event: supportEvents["support/reply.failed"] },
      ],
    },
    async ({ event, step }) => {
      const ctx = serviceContext(platform, event.data.orgId, WORKFLOW);
      const relayed = await step.run("relay", () => relayProcedureDecision(ctx, event.data.draftId));
      return { relayed };
    },
  );
}
