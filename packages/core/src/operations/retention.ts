import {
  clearDraftCustomerData,
  type Database,
  listDraftsWithCustomerDataBefore,
  purgeActionExecutionDataBefore,
  purgeFinishedRunStepsBefore,
  purgeInboundPayloadsBefore,
} from "@support/db";
import type { DraftAction } from "../drafting/draft-actions.js";

/** What one retention pass emptied or deleted (at most one batch of each). */
export interface RetentionReport {
  /** Raw inbound webhook payloads emptied. */
  purgedPayloads: number;
  /** Drafts whose product-app customer data (user, purchases, subscriptions, failures) was dropped. */
  purgedCustomerData: number;
  /** Finished action executions whose input and result were dropped. */
  purgedActionData: number;
  /** Memoized workflow step results (the gather step's customer context among them) deleted. */
  purgedRunSteps: number;
}

/**
 * A proposed action past retention keeps what it was, its risk, route and whether it was
 * approved; its input and reason (an address, a purchase, an amount) go with the customer data.
 */
function withoutCustomerData(actions: unknown): unknown {
  if (!Array.isArray(actions)) return actions;
  return (actions as DraftAction[]).map(({ input: _input, reason: _reason, ...kept }) => kept);
}

/**
 * Personal data copied from product apps and channels is kept for `retentionDays` (ADR 0070,
 * docs/runbook.md): conversations and messages stay, the copies made to draft and act do not.
 */
export async function applyRetention(
  database: Database,
  options: { before: Date; batch: number },
): Promise<RetentionReport> {
  const { db } = database;
  const { before, batch } = options;
  const drafts = await listDraftsWithCustomerDataBefore(db, before, batch);
  for (const draft of drafts) {
    await clearDraftCustomerData(db, draft.orgId, draft.id, withoutCustomerData(draft.actions));
  }
  return {
    purgedPayloads: await purgeInboundPayloadsBefore(db, before, batch * 10),
    purgedCustomerData: drafts.length,
    purgedActionData: await purgeActionExecutionDataBefore(db, before, batch),
    purgedRunSteps: await purgeFinishedRunStepsBefore(db, before, batch * 10),
  };
}
