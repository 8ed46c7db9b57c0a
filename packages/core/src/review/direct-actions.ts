import type { ExecutionResult, StripeRefundInput } from "@support/contract";
import { getDraft } from "@support/db";
import { canonicalJson, STRIPE_REFUND } from "../integrations/actions.js";
import { performDraftAction } from "../integrations/perform.js";
import { commitChange } from "../service/change.js";
import { requireRole, type ServiceContext, surfaceOf } from "../service/context.js";
import { AppError } from "../service/errors.js";
import { requireApp } from "../tenancy/apps.js";
import { draftActions, requireApproverRole } from "./approved-actions.js";

/*
 * The direct-execution routes (`POST /apps/:app/integration/actions`, `/stripe/refunds`), kept
 * for an admin who must run an approved action now (the workflow is stuck, the app was down):
 * admins only, only an action that an approved draft proposed and its approver let through,
 * with exactly the proposed input, within the app's policy, and on the audit trail before the
 * call goes out. Everything else runs an action only through `runApprovedActions` (ADR 0101).
 */

/** Runs the approved draft's proposed `action` with `input`, exactly once. */
export async function executeAction(
  ctx: ServiceContext,
  request: { app: string; draftId: string; action: string; input: unknown },
): Promise<ExecutionResult> {
  requireRole(ctx, "admin");
  const app = await requireApp(ctx, request.app);
  const draft = await getDraft(ctx.db, ctx.org.id, request.draftId);
  if (!draft || draft.appId !== app.id) throw new AppError("not_found", `draft "${request.draftId}" not found`);
  if (draft.status !== "approved") {
    throw new AppError("conflict", `draft ${draft.id} is ${draft.status}: actions run only with an approved draft`);
  }
  const wanted = canonicalJson(request.input);
  const action = draftActions(draft).find(
    (a) => a.approved && a.action === request.action && canonicalJson(a.input) === wanted,
  );
  if (!action) {
    throw new AppError(
      "forbidden",
      `draft ${draft.id} was not approved with ${request.action} on this input: only a proposed, approved action runs`,
    );
  }
  await requireApproverRole(ctx, app.id, [action]);
  await commitChange(ctx, async (_tx, log) => {
    await log.audit({
      action: "action.executed_directly",
      subject: draft.id,
      traceId: draft.traceId,
      data: { action: action.action, actionId: action.id, surface: surfaceOf(ctx.actor) },
    });
  });
  return performDraftAction(ctx, { appId: app.id, draftId: draft.id }, action);
}

/** The Stripe refund an approved draft proposed, under the same rules as `executeAction`. */
export async function executeStripeRefund(
  ctx: ServiceContext,
  request: { app: string } & StripeRefundInput,
): Promise<ExecutionResult> {
  const input = { chargeId: request.chargeId, ...(request.amount === undefined ? {} : { amount: request.amount }) };
  return executeAction(ctx, { app: request.app, draftId: request.draftId, action: STRIPE_REFUND, input });
}
