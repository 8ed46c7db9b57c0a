import { appSettings, findAppForWebhook } from "@support/db";
import type { WorkflowClient } from "@support/engine";
import { gatherForDraft } from "../drafting/plan-draft.js";
import { type Platform, pipelineDeps } from "../service/ports.js";
import { conversationConcurrency } from "./concurrency.js";
import { supportEvents } from "./event-types.js";
import { onMessageReceived } from "./handlers.js";

const received = supportEvents["support/message.received"];

/**
 * A customer wrote: wait out the burst (the app's debounce), gather the customer's data from the
 * product app (its own step, so a retried draft does not call the app again), then plan and
 * store the draft. One run per conversation at a time; after the wait, a newer customer message
 * means this run skips and the newer one is answered.
 */
export function draftOnMessage(inngest: WorkflowClient, platform: Platform) {
  return inngest.createFunction(
    {
      id: "draft-on-message",
      retries: 4,
      concurrency: conversationConcurrency(),
      triggers: [{ event: received, if: "event.data.direction == 'inbound' && event.data.authorKind == 'customer'" }],
    },
    async ({ event, step }) => {
      const debounceSeconds = await step.run("debounce-window", async () => {
        const app = await findAppForWebhook(platform.db.db, event.data.appId);
        return app ? appSettings(app).debounceSeconds : 0;
      });
      if (debounceSeconds > 0) await step.sleep("debounce", `${debounceSeconds}s`);
      const gathered = await step.run("gather", () =>
        gatherForDraft(pipelineDeps(platform), { orgId: event.data.orgId, conversationId: event.data.conversationId }),
      );
      return step.run("draft", async () => {
        const attempt = await onMessageReceived(pipelineDeps(platform), event.data, gathered);
        return "draft" in attempt
          ? { kind: attempt.kind, draftId: attempt.draft.id, status: attempt.draft.status }
          : { kind: attempt.kind, reason: attempt.reason };
      });
    },
  );
}
