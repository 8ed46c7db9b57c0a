import type { EventPublisher, PublishedEvent } from "../outbox/publisher.js";
import type { WorkflowClient } from "./client.js";

/**
 * Publishes outbox events to Inngest (Cloud or a dev server). The outbox id is the event id, so
 * Inngest de-duplicates the relay's at-least-once redeliveries.
 */
export function createInngestPublisher(client: WorkflowClient): EventPublisher {
  return {
    async publish(events: PublishedEvent[]): Promise<void> {
      if (events.length === 0) return;
      await client.send(events.map((event) => ({ id: event.id, name: event.name, data: event.data, ts: event.ts })));
    },
  };
}
