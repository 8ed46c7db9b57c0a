import { type ActionPolicy, actionPolicySchema } from "@support/contract";

/** The policy's schema is the API's (`@support/contract`): the route validates it, the services read it back. */
export type { ActionPolicy };

export function parsePolicy(stored: unknown): ActionPolicy {
  const parsed = actionPolicySchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : {};
}

export function refundWithinAutoApproval(
  policy: ActionPolicy,
  refund: { amount: number; purchasedAt: string },
  now: Date = new Date(),
): boolean {
  const { refundAutoApproveDays: days, refundAutoApproveBelow: below } = policy;
  if (days === undefined || below === undefined) return false;
  const ageMs = now.getTime() - Date.parse(refund.purchasedAt);
  return refund.amount < below && ageMs >= 0 && ageMs <= days * 86_400_000;
}
