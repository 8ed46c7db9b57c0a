import { eventCatalog, serviceContext } from "@support/core";
import type { InProcessEventBus } from "@support/engine";
import { postApprovalCard, refreshApprovalCard } from "./cards.js";
import { SLACK_APP, type SlackDeps } from "./deps.js";

const DECISION_EVENTS = new Set([
  "support/draft.approved",
  "support/draft.rejected",
  "support/conversation.escalated",
  "support/reply.sent",
  "support/reply.failed",
]);

/**
 * The Slack consumer of the event bus: a card per approval request, and the card updated on
 * every decision wherever it was taken. A Slack failure is logged and swallowed: a subscriber
 * that throws fails the publication for every consumer, and Slack is a convenience while the
 * dashboard remains the place of record.
 */
export function subscribeSlack(bus: InProcessEventBus, deps: SlackDeps): () => void {
  return bus.subscribe(async (event) => {
    try {
      const inOrg = (orgId: string) => serviceContext(deps.platform, orgId, SLACK_APP);
      if (event.name === "support/approval.requested") {
        const requested = eventCatalog["support/approval.requested"].parse(event.data);
        await postApprovalCard(deps, inOrg(requested.orgId), requested);
      } else if (event.name === "support/draft.requested") {
        // A person asked for a new draft: the set-aside draft's card loses its buttons and says
        // so; the new draft gets its own card when it asks for approval.
        const requested = eventCatalog["support/draft.requested"].parse(event.data);
        await refreshApprovalCard(deps, inOrg(requested.orgId), requested.replacesDraftId);
      } else if (DECISION_EVENTS.has(event.name)) {
        const data = event.data as { orgId: string; draftId?: string };
        if (data.draftId) await refreshApprovalCard(deps, inOrg(data.orgId), data.draftId);
      }
    } catch (error) {
      deps.platform.ports.counters.increment("slack_call_failed_total", { event: event.name });
      deps.logger.warn(
        { event: event.name, err: error instanceof Error ? error.message : String(error) },
        "Slack update failed",
      );
    }
  });
}
