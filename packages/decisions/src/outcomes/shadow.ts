import type { DraftOutcome } from "./trust.js";

/**
 * Shadow mode, judged: for drafts a human has decided, would auto-sending have been right?
 * "Right" means the human sent the draft unchanged (BRIEF §5's > 0.95 overlap); anything else
 * (edited, rewritten, rejected, expired) means an auto-send would have sent something a human
 * did not want. Superseded and undecided drafts are not evidence either way.
 */

export interface ShadowRecord {
  category: string;
  wouldAutoSend: boolean;
  outcome: DraftOutcome | null;
}

export interface ShadowCategoryReport {
  /** Drafts with a human decision. */
  decided: number;
  /** Of those, how many the policy would have auto-sent. */
  wouldAutoSend: number;
  /** Of those, how many the human sent unchanged. */
  right: number;
  /** right / wouldAutoSend; null when nothing would have been auto-sent. */
  precision: number | null;
  /** wouldAutoSend / decided: the share of the work autonomy would take; null without decisions. */
  coverage: number | null;
}

export function shadowReport(records: readonly ShadowRecord[]): Record<string, ShadowCategoryReport> {
  const report: Record<string, ShadowCategoryReport> = {};
  for (const r of records) {
    if (r.outcome === null || r.outcome === "superseded") continue;
    const entry = report[r.category] ?? { decided: 0, wouldAutoSend: 0, right: 0, precision: null, coverage: null };
    report[r.category] = entry;
    entry.decided++;
    if (r.wouldAutoSend) {
      entry.wouldAutoSend++;
      if (r.outcome === "unchanged") entry.right++;
    }
  }
  for (const entry of Object.values(report)) {
    entry.precision = entry.wouldAutoSend === 0 ? null : entry.right / entry.wouldAutoSend;
    entry.coverage = entry.decided === 0 ? null : entry.wouldAutoSend / entry.decided;
  }
  return report;
}
