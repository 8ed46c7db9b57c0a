import type { MessageId, Translator } from "../i18n/translator.js";
import type { ActionExecution, DraftAction } from "./types.js";

export const RISK_LABELS: Record<DraftAction["risk"], MessageId> = {
  read: "draft.action.risk.read",
  low_impact_write: "draft.action.risk.low_impact_write",
  approval_required: "draft.action.risk.approval_required",
};

export const ROUTE_LABELS: Record<DraftAction["via"], MessageId> = {
  stripe: "draft.action.via.stripe",
  app: "draft.action.via.app",
  recorded: "draft.action.via.recorded",
};

/** What became of a proposed action: its execution, or why it did not run (yet). */
export function actionOutcome(
  action: Pick<DraftAction, "action" | "approved">,
  executions: readonly Pick<ActionExecution, "action" | "status" | "error">[],
  t: Translator,
): { label: string; tone: "ok" | "failed" | "waiting" } {
  const execution = executions.find((e) => e.action === action.action);
  if (execution?.status === "succeeded") return { label: t("draft.action.done"), tone: "ok" };
  if (execution?.status === "failed") {
    const error = execution.error ?? t("draft.action.unknownError");
    return { label: t("draft.action.failed", { error }), tone: "failed" };
  }
  if (execution) return { label: t("draft.action.running"), tone: "waiting" };
  if (action.approved === false) return { label: t("draft.action.notApproved"), tone: "waiting" };
  const label = action.approved ? t("draft.action.approvedNotRun") : t("draft.action.waiting");
  return { label, tone: "waiting" };
}
