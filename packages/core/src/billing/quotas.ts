import { billingUsage, countPendingInvitations } from "@support/db";
import type { Quota } from "@support/decisions";
import type { ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import { loadOrgBilling } from "./entitlement.js";

const QUOTA_NAME: Record<Exclude<Quota, "aiDrafts">, string> = {
  seats: "seats",
  apps: "apps",
  knowledgePages: "knowledge pages",
  channels: "channels",
};

/**
 * Refuses creating `adding` more of a counted thing beyond the plan's quota (402
 * `quota_exceeded`, naming the quota). Nothing is refused with billing off, and AI drafts are
 * not counted here: at their quota only drafting pauses (ADR 0130).
 */
export async function requireQuota(ctx: ServiceContext, quota: Exclude<Quota, "aiDrafts">, adding = 1): Promise<void> {
  const state = await loadOrgBilling(ctx);
  if (!state) return;
  const limit = state.entitlement.plan.quotas[quota];
  const used = (await billingUsage(ctx.db, ctx.org.id, state.periodStart))[quota];
  if (used + adding <= limit) return;
  throw new AppError(
    "quota_exceeded",
    `The ${state.entitlement.plan.name} plan allows ${limit} ${QUOTA_NAME[quota]} (${used} used): upgrade the plan or remove some.`,
    { quota, limit, used },
  );
}

/**
 * A seat for one more person (ADR 0133). Inviting counts the open invitations too, since each
 * becomes a member when accepted; accepting counts the members only (the invitation being
 * accepted already held its seat). Answers 402 `quota_exceeded` like every quota.
 */
export async function requireSeat(ctx: ServiceContext, moment: "invite" | "accept"): Promise<void> {
  const pending = moment === "invite" ? await countPendingInvitations(ctx.db, ctx.org.id) : 0;
  await requireQuota(ctx, "seats", 1 + pending);
}
