/**
 * Signals that are true for a few seconds and worth nothing after (a person is typing): they go
 * to the streams open in this process and are never stored, so they do not pass through the
 * outbox. Like the rest of the live updates they stay per instance (ADR 0150).
 */
export interface LiveSignal {
  kind: "person_typing";
  orgId: string;
  appId: string;
  conversationId: string;
}

export interface LiveSignals {
  publish(signal: LiveSignal): void;
  subscribe(handler: (signal: LiveSignal) => void): () => void;
}

export function createLiveSignals(): LiveSignals {
  const handlers = new Set<(signal: LiveSignal) => void>();
  return {
    publish(signal) {
      for (const handler of handlers) handler(signal);
    },
    subscribe(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
  };
}
