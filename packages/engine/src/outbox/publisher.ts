import { EventEmitter } from "node:events";

export interface PublishedEvent {
  /** The outbox id: a stable event id, so a consumer de-duplicates a re-publication. */
  id: string;
  name: string;
  data: Record<string, unknown>;
  ts: number;
}

/** Where the relay hands events; the workflow engine (embedded or Inngest) sits behind it. */
export interface EventPublisher {
  publish(events: PublishedEvent[]): Promise<void>;
}

/**
 * The embedded default: an in-process bus. Subscribers (the embedded engine, live updates)
 * receive every published event; a subscriber that throws makes the publication fail, so the
 * relay retries it.
 */
export class InProcessEventBus implements EventPublisher {
  private readonly emitter = new EventEmitter();
  private readonly handlers = new Set<(event: PublishedEvent) => Promise<void> | void>();

  subscribe(handler: (event: PublishedEvent) => Promise<void> | void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  async publish(events: PublishedEvent[]): Promise<void> {
    for (const event of events) {
      for (const handler of this.handlers) await handler(event);
      this.emitter.emit("published", event);
    }
  }
}

/** Hands each batch to every publisher in turn; the first to fail fails the publication. */
export function fanOutPublisher(...publishers: EventPublisher[]): EventPublisher {
  return {
    async publish(events: PublishedEvent[]): Promise<void> {
      for (const publisher of publishers) await publisher.publish(events);
    },
  };
}
