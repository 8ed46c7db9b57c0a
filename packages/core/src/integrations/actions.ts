import { createHash } from "node:crypto";
import type { ActionExecutionView, ExecutionResult } from "@support/contract";
import { type ActionExecution, claimExecution, type Db, finishExecution, getDraft } from "@support/db";
import type { IntegrationMethodName } from "@support/sdk";
import { formatMoney } from "../context/gather.js";
import { AppError } from "../service/errors.js";

/**
 * How much harm an action can do, which decides who may run it: reads run freely, low-impact
 * writes (a login link to the customer's own address) run with the draft, and the rest wait
 * for a human unless the app's policy explicitly allows them.
 */
export type RiskClass = "read" | "low_impact_write" | "approval_required";

export const ACTION_RISK: Record<IntegrationMethodName, RiskClass> = {
  lookupUser: "read",
  getPurchases: "read",
  getSubscriptions: "read",
  searchContent: "read",
  getRefundPolicy: "read",
  getAppInfo: "read",
  generateMagicLink: "low_impact_write",
  refund: "approval_required",
  revokeAccess: "approval_required",
  transferPurchase: "approval_required",
  updateEmail: "approval_required",
};

/** Conversation + action + a hash of the input: one decision, however often it is retried. */
export function actionIdempotencyKey(conversationId: string, action: string, input: unknown): string {
  const hash = createHash("sha256").update(canonicalJson(input)).digest("base64url").slice(0, 32);
  return `${conversationId}:${action}:${hash}`;
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The action name Stripe refunds are recorded under, beside the product app's own `refund`. */
export const STRIPE_REFUND = "stripe.refund";

/** An execution as the API shows it (`@support/contract`); the drafts' views carry them too. */
export type ExecutionView = ActionExecutionView;

export function executionView(row: ActionExecution): ActionExecutionView {
  return {
    id: row.id,
    draftId: row.draftId,
    action: row.action,
    input: row.input,
    status: row.status as ActionExecutionView["status"],
    result: row.result ?? null,
    error: row.error ?? null,
    idempotencyKey: row.idempotencyKey,
  };
}

/**
 * Runs an approved side effect exactly once. The execution row is claimed before `perform` is
 * called, so a second approval, a retry or a concurrent worker finds the claim and gets the
 * recorded execution back (`executed: false`) instead of running it again; `perform` receives
 * the key to pass on, so the app or Stripe deduplicates too. A failure of `perform` is
 * recorded on the row, not thrown: the approver sees it with the draft. It takes the database,
 * not a context: it is the primitive under `perform.ts`, which only the services that check the
 * draft and who acts reach (`review/approved-actions.ts`, `review/direct-actions.ts`).
 */
export async function executeOnce(
  db: Db,
  request: { orgId: string; appId: string; draftId: string; action: string; input: unknown },
  perform: (idempotencyKey: string) => Promise<unknown>,
): Promise<ExecutionResult> {
  const { orgId, appId, draftId, action, input } = request;
  const draft = await getDraft(db, orgId, draftId);
  if (!draft || draft.appId !== appId) throw new AppError("not_found", `draft "${draftId}" not found`);
  const idempotencyKey = actionIdempotencyKey(draft.conversationId, action, input);
  const { execution, claimed } = await claimExecution(db, orgId, { appId, draftId, action, input, idempotencyKey });
  if (!claimed) return { execution: executionView(execution), executed: false };

  let outcome: { status: "succeeded" | "failed"; result?: unknown; error?: string };
  try {
    outcome = { status: "succeeded", result: await perform(idempotencyKey) };
  } catch (error) {
    outcome = { status: "failed", error: error instanceof Error ? error.message : String(error) };
  }
  await finishExecution(db, orgId, execution.id, outcome);
  return {
    execution: executionView({
      ...execution,
      ...outcome,
      result: outcome.result ?? null,
      error: outcome.error ?? null,
    }),
    executed: true,
  };
}

/** One sentence the reply can carry about what was done, in the customer's terms. */
export function executionSummary(execution: ActionExecutionView): string | undefined {
  if (execution.status !== "succeeded") return undefined;
  const result = execution.result as Record<string, unknown>;
  if (
    (execution.action === "refund" || execution.action === STRIPE_REFUND) &&
    typeof result.amount === "number" &&
    typeof result.currency === "string"
  ) {
    return `We have refunded ${formatMoney(result.amount, result.currency)}; it can take 5 to 10 days to appear on your statement.`;
  }
  if (execution.action === "generateMagicLink")
    return "We have sent a one-time login link to the address on your account.";
  return undefined;
}
