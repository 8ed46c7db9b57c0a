import {
  createReplyAdapterRegistry,
  eventCatalog,
  onDraftApproved,
  onMessageReceived,
  type PipelineDeps,
  type Retrieve,
  type Runtime,
  searchKnowledge,
  storedChannelAdapters,
} from "@support/core";
import { languageModelFromConfig } from "@support/models";

/** The composition root of the pipeline: which model, retrieval and channels it uses. */
/** The knowledge issue's retrieval port: the app's namespace plus the organization's shared one. */
export function knowledgeRetrieval(runtime: Runtime): Retrieve {
  return (input) => searchKnowledge(runtime.knowledge, input);
}

export function createPipelineDeps(runtime: Runtime, retrieve: Retrieve = knowledgeRetrieval(runtime)): PipelineDeps {
  return {
    database: runtime.database,
    secrets: runtime.secrets,
    model: languageModelFromConfig(runtime.config),
    retrieve,
    replies: createReplyAdapterRegistry(runtime.database.db, storedChannelAdapters(runtime.database, runtime.secrets)),
  };
}

/**
 * The embedded consumer of the event bus: each published event runs its pipeline handler. A
 * handler that throws fails the publication, so the outbox relay retries it with backoff;
 * the handlers are idempotent (one draft per message, one send per draft).
 */
export function subscribePipeline(runtime: Runtime, deps: PipelineDeps): () => void {
  return runtime.bus.subscribe(async (event) => {
    if (event.name === "support/message.received") {
      await onMessageReceived(deps, eventCatalog["support/message.received"].parse(event.data));
    } else if (event.name === "support/draft.approved") {
      await onDraftApproved(deps, eventCatalog["support/draft.approved"].parse(event.data));
    } else {
      return;
    }
    runtime.relay.notify();
  });
}
