import { billingUsage, getDraft } from "@support/db";
import { commitChange } from "../service/change.js";
import type { ServiceContext } from "../service/context.js";
import { loadOrgBilling } from "./entitlement.js";

/**
 * AI drafting is paused for the organization (quota or subscription): the message stays stored
 * and the conversation goes to people through the usual escalation, with the reason audited.
 */
export async function handOverForBilling(
  ctx: ServiceContext,
  input: { appId: string; conversationId: string; reason: string },
): Promise<void> {
  await commitChange(ctx, async (_tx, log) => {
    await log.audit({ action: "billing.ai_paused", subject: input.conversationId, data: { reason: input.reason } });
    await log.emit("support/conversation.escalated", {
      v: 1,
      orgId: ctx.org.id,
      appId: input.appId,
      conversationId: input.conversationId,
    });
  });
}

/**
 * A draft made beyond the quota on a metered plan with overage allowed is reported to the Stripe
 * meter, keyed by the draft id (Stripe drops a repeat, so a retried step bills once).
 */
export async function reportDraftOverage(ctx: ServiceContext, draftId: string): Promise<boolean> {
  const state = await loadOrgBilling(ctx);
  if (!state?.account?.stripeCustomerId || state.overage !== "allow" || !state.entitlement.plan.metered) return false;
  const draft = await getDraft(ctx.db, ctx.org.id, draftId);
  if (!draft) return false;
  const usage = await billingUsage(ctx.db, ctx.org.id, state.periodStart);
  if (usage.aiDrafts <= state.entitlement.plan.quotas.aiDrafts) return false;
  await state.billing.stripe.reportOverage({
    customerId: state.account.stripeCustomerId,
    identifier: draft.id,
    at: draft.createdAt,
  });
  return true;
}
