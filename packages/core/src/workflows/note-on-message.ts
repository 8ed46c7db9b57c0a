import type { WorkflowClient } from "@support/engine";
import { noteMessageOnHubSpotTickets } from "../procedures/hubspot-tasks.js";
import { serviceContext, WORKFLOW } from "../service/context.js";
import type { Platform } from "../service/ports.js";
import { conversationConcurrency } from "./concurrency.js";
import { supportEvents } from "./event-types.js";

/**
 * A message on a conversation whose procedure made a HubSpot ticket: one more note on it (ADR
 * 0115). One call per conversation at a time, as the run that creates the ticket, so the ticket's
 * own notes and this one never interleave.
 */
export function noteOnMessage(inngest: WorkflowClient, platform: Platform) {
  return inngest.createFunction(
    {
      id: "hubspot-note-on-message",
      retries: 3,
      concurrency: conversationConcurrency(),
      triggers: [{ event: supportEvents["support/message.received"] }],
    },
    async ({ event, step }) =>
      step.run("note", async () => ({
        notes: await noteMessageOnHubSpotTickets(serviceContext(platform, event.data.orgId, WORKFLOW), {
          appId: event.data.appId,
          conversationId: event.data.conversationId,
          messageId: event.data.messageId,
        }),
      })),
  );
}
