import type { WorkflowClient } from "@support/engine";
import { processingSteps, settleStep } from "../knowledge/processing.js";
import { serviceContext, WORKFLOW } from "../service/context.js";
import type { Platform } from "../service/ports.js";
import { supportEvents } from "./event-types.js";

/** Inngest's default when a function sets no `retries`; the embedded engine tells the handler. */
const DEFAULT_MAX_ATTEMPTS = 4;

/**
 * A knowledge source was added or a re-sync asked for: fetch (crawl a site), chunk, embed and
 * index, mark ready, each a durable step. After a crash the engine resumes at the step that was
 * running, which carries on from what the earlier attempt left in the database, so a source
 * never stays "processing". A step that still fails on its last attempt records the error on the
 * source. A source the CLI already processed in the foreground is left alone.
 */
export function processKnowledgeSource(inngest: WorkflowClient, platform: Platform) {
  return inngest.createFunction(
    {
      id: "process-knowledge-source",
      retries: 4,
      // One run per source at a time (a re-sync waits for the processing before it), and at
      // most two sources of an organization at once, so a large import leaves workers to others.
      concurrency: [
        { key: "event.data.sourceId", limit: 1 },
        { key: "event.data.orgId", limit: 2 },
      ],
      triggers: [{ event: supportEvents["kb/source.added"] }, { event: supportEvents["kb/source.sync_requested"] }],
    },
    async ({ event, step, attempt, maxAttempts }) => {
      const { orgId, sourceId } = event.data;
      const ctx = serviceContext(platform, orgId, WORKFLOW);
      const lastAttempt = attempt + 1 >= (maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
      const steps = processingSteps(ctx, sourceId, { skipIfSettled: event.name === "kb/source.added" });
      for (const [name, run] of steps) {
        const outcome = await step.run(name, () => settleStep(ctx, sourceId, run, lastAttempt));
        if (outcome !== "next") return { sourceId, outcome };
      }
      return { sourceId, outcome: "ready" };
    },
  );
}
