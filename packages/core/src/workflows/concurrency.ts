import type { ConcurrencyOption } from "inngest/types";

/**
 * How many workflow calls about conversations one organization may execute at once, over all
 * its conversations and all those functions. It keeps a burst from one tenant (an import, a spam
 * wave) from taking every worker while the others' customers wait. A constant: Inngest receives the limit with the
 * function config at sync, so it changes with a deploy. On the embedded engine a process runs
 * four calls at once (`parallelRuns`), so it binds when several processes share the database.
 */
export const ORG_CONCURRENCY_LIMIT = 5;

/**
 * The flow control of every workflow function about one conversation: one call per conversation
 * at a time across those functions (drafting, sending and recording a teammate's reply never
 * interleave), and at most `ORG_CONCURRENCY_LIMIT` per organization. Both keys are env-scoped so
 * they count across functions; a run needs a slot of each to execute a step.
 */
export function conversationConcurrency(): [ConcurrencyOption, ConcurrencyOption] {
  return [
    { key: "event.data.conversationId", limit: 1, scope: "env" },
    { key: "event.data.orgId", limit: ORG_CONCURRENCY_LIMIT, scope: "env" },
  ];
}
