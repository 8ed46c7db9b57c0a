import type { ExecutionResult } from "@support/contract";
import { actions, callProductApp, type IntegrationMethodName } from "@support/sdk";
import type { DraftAction } from "../drafting/draft-actions.js";
import type { ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import { ACTION_RISK, executeOnce, STRIPE_REFUND } from "./actions.js";
import { loadIntegration } from "./integrations.js";
import { connectedAccount, requireStripe } from "./stripe-connect.js";

/*
 * The calls that move money or change accounts. They check no role and no draft: that is the
 * job of their only callers, `review/approved-actions.ts` (the workflow, after an approval that
 * the policy allowed) and `review/direct-actions.ts` (an admin, for an action an approved draft
 * proposed). This module is deliberately not exported from the package (ADR 0101).
 */

const ACTION_TIMEOUT_MS = 10_000;

interface ActionTarget {
  appId: string;
  draftId: string;
}

/** A product-app action (refund, magic link ...) run exactly once through the app's SDK endpoint. */
async function performAppAction(
  ctx: ServiceContext,
  target: ActionTarget,
  action: string,
  rawInput: unknown,
): Promise<ExecutionResult> {
  if (!Object.hasOwn(actions, action) || ACTION_RISK[action as IntegrationMethodName] === "read") {
    throw new AppError("invalid_input", `"${action}" is not an action that can be executed`);
  }
  const name = action as IntegrationMethodName;
  const input = actions[name].input.safeParse(rawInput);
  if (!input.success) {
    throw new AppError("invalid_input", `input: ${input.error.issues.map((i) => i.message).join("; ")}`);
  }
  const integration = await loadIntegration({ db: ctx.db, secrets: ctx.ports.secrets }, ctx.org.id, target.appId);
  if (!integration) throw new AppError("conflict", "the app has no integration to execute actions with");
  const claim = { orgId: ctx.org.id, ...target, action: name, input: input.data };
  return executeOnce(ctx.db, claim, (idempotencyKey) =>
    callProductApp({
      url: integration.url,
      secret: integration.secrets,
      action: name,
      input: input.data as never,
      idempotencyKey,
      timeoutMs: ACTION_TIMEOUT_MS,
      fetch: ctx.ports.outbound.fetch,
    }),
  );
}

/** A refund of a charge on the app's connected Stripe account, exactly once. */
async function performStripeRefund(
  ctx: ServiceContext,
  target: ActionTarget,
  refund: { chargeId: string; amount?: number },
): Promise<ExecutionResult> {
  const stripe = requireStripe(ctx.ports.stripe);
  const accountId = await connectedAccount(ctx, target.appId);
  const input = { chargeId: refund.chargeId, ...(refund.amount === undefined ? {} : { amount: refund.amount }) };
  const claim = { orgId: ctx.org.id, ...target, action: STRIPE_REFUND, input };
  return executeOnce(ctx.db, claim, (idempotencyKey) => stripe.refund(accountId, { ...input, idempotencyKey }));
}

/**
 * Runs one action of an approved draft by its route: Stripe, the app's SDK, or - with neither
 * (the embedded default, BRIEF §3) - recorded as what would have run.
 */
export async function performDraftAction(
  ctx: ServiceContext,
  target: ActionTarget,
  action: DraftAction,
): Promise<ExecutionResult> {
  const named = { orgId: ctx.org.id, ...target, action: action.action, input: action.input };
  try {
    if (action.via === "stripe") {
      const { chargeId, amount } = action.input as { chargeId: string; amount?: number };
      return await performStripeRefund(ctx, target, { chargeId, amount });
    }
    if (action.via === "app") return await performAppAction(ctx, target, action.action, action.input);
    return await executeOnce(ctx.db, named, async () => ({ recorded: true }));
  } catch (error) {
    // Stripe disconnected, the integration removed, input the app's contract refuses: a failed
    // execution the approver sees, recorded under the same key so it is not attempted again.
    if (!(error instanceof AppError) || error.code === "not_found") throw error;
    return executeOnce(ctx.db, named, async () => {
      throw error;
    });
  }
}
