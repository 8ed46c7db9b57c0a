import { createHash } from "node:crypto";
import { type ActionExecution, claimExecution, type Db, finishExecution, getDraft } from "@support/db";
import { actions, callProductApp, type IntegrationMethodName } from "@support/sdk";
import { formatMoney } from "../context/gather.js";
import { AppError } from "../service/errors.js";
import { type IntegrationDeps, loadIntegration } from "./integrations.js";

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

function canonicalJson(value: unknown): string {
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

export interface ExecutionView {
  id: string;
  draftId: string;
  action: string;
  input: unknown;
  status: "running" | "succeeded" | "failed";
  result: unknown;
  error: string | null;
  idempotencyKey: string;
}

export function executionView(row: ActionExecution): ExecutionView {
  return {
    id: row.id,
    draftId: row.draftId,
    action: row.action,
    input: row.input,
    status: row.status as ExecutionView["status"],
    result: row.result ?? null,
    error: row.error ?? null,
    idempotencyKey: row.idempotencyKey,
  };
}

export interface ExecuteDeps extends IntegrationDeps {
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * Runs an approved side effect exactly once. The execution row is claimed before `perform` is
 * called, so a second approval, a retry or a concurrent worker finds the claim and gets the
 * recorded execution back (`executed: false`) instead of running it again; `perform` receives
 * the key to pass on, so the app or Stripe deduplicates too. A failure of `perform` is
 * recorded on the row, not thrown: the approver sees it with the draft.
 */
export async function executeOnce(
  db: Db,
  request: { orgId: string; appId: string; draftId: string; action: string; input: unknown },
  perform: (idempotencyKey: string) => Promise<unknown>,
): Promise<{ execution: ExecutionView; executed: boolean }> {
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

/** Runs an approved product-app action (a refund, a magic link) exactly once; see `executeOnce`. */
export async function executeAction(
  deps: ExecuteDeps,
  request: { orgId: string; appId: string; draftId: string; action: string; input: unknown },
): Promise<{ execution: ExecutionView; executed: boolean }> {
  const { orgId, appId, action } = request;
  if (!Object.hasOwn(actions, action) || ACTION_RISK[action as IntegrationMethodName] === "read") {
    throw new AppError("invalid_input", `"${action}" is not an action that can be executed`);
  }
  const name = action as IntegrationMethodName;
  const input = actions[name].input.safeParse(request.input);
  if (!input.success) {
    throw new AppError("invalid_input", `input: ${input.error.issues.map((i) => i.message).join("; ")}`);
  }
  const integration = await loadIntegration(deps, orgId, appId);
  if (!integration) throw new AppError("conflict", "the app has no integration to execute actions with");
  return executeOnce(deps.db, { ...request, action: name, input: input.data }, (idempotencyKey) =>
    callProductApp({
      url: integration.url,
      secret: integration.secrets,
      action: name,
      input: input.data as never,
      idempotencyKey,
      timeoutMs: deps.timeoutMs ?? 10_000,
      fetch: deps.fetch,
    }),
  );
}

/** One sentence the reply can carry about what was done, in the customer's terms. */
export function executionSummary(execution: ExecutionView): string | undefined {
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
