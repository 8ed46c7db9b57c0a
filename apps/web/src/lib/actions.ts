import type { ActionExecution, DraftAction } from "./types.js";

const ZERO_DECIMAL = new Set(["JPY", "KRW", "VND", "CLP", "ISK", "UGX", "XOF", "XAF"]);

/** Minor units as the platform states them ("99.00 EUR"), so the card reads like the reply. */
export function money(amount: number, currency: string): string {
  const code = currency.toUpperCase();
  return ZERO_DECIMAL.has(code) ? `${amount} ${code}` : `${(amount / 100).toFixed(2)} ${code}`;
}

export const RISK_LABELS: Record<DraftAction["risk"], string> = {
  read: "read",
  low_impact_write: "low impact",
  approval_required: "needs approval",
};

export const ROUTE_LABELS: Record<DraftAction["via"], string> = {
  stripe: "on the connected Stripe account",
  app: "by the product app",
  recorded: "recorded only (no Stripe account or app refund)",
};

/** What became of a proposed action: its execution, or why it did not run (yet). */
export function actionOutcome(
  action: Pick<DraftAction, "action" | "approved">,
  executions: readonly Pick<ActionExecution, "action" | "status" | "error">[],
): { label: string; tone: "ok" | "failed" | "waiting" } {
  const execution = executions.find((e) => e.action === action.action);
  if (execution?.status === "succeeded") return { label: "done", tone: "ok" };
  if (execution?.status === "failed") return { label: `failed: ${execution.error ?? "unknown error"}`, tone: "failed" };
  if (execution) return { label: "running", tone: "waiting" };
  if (action.approved === false) return { label: "not approved", tone: "waiting" };
  return { label: action.approved ? "approved, not run yet" : "waiting for approval", tone: "waiting" };
}
