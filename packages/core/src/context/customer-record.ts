import type { GatheredContext } from "./gather-step.js";

/** What a draft keeps of the gather step: the data and the failures, for the approver. */
export type CustomerRecord = Omit<GatheredContext, "lines">;

/**
 * Null when the gather step had nobody to ask about (no integration, no contact); a customer the
 * app does not know is kept (`user: null`), since that is worth showing the approver.
 */
export function customerRecord(context: GatheredContext): CustomerRecord | null {
  const { lines, ...record } = context;
  const asked = lines.length > 0 || record.failures.length > 0 || record.charges.length > 0;
  return asked ? record : null;
}
