import type { WorkflowClient } from "@support/engine";
import { learnFromSentDraft } from "../knowledge/learn.js";
import type { Platform } from "../service/ports.js";
import { conversationConcurrency } from "./concurrency.js";
import { supportEvents } from "./event-types.js";

/** A human-approved reply went out: learn it as a resolved conversation (personal data redacted). */
export function learnOnReply(inngest: WorkflowClient, platform: Platform) {
  return inngest.createFunction(
    {
      id: "learn-on-reply",
      retries: 3,
      concurrency: conversationConcurrency(),
      triggers: [{ event: supportEvents["support/reply.sent"] }],
    },
    async ({ event, step }) =>
      step.run("learn", async () => ({
        sourceId:
          (await learnFromSentDraft(
            { database: platform.db, knowledge: platform.ports.knowledge },
            event.data.orgId,
            event.data.draftId,
          )) ?? null,
      })),
  );
}
