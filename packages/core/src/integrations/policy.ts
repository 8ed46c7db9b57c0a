import { z } from "zod";

/**
 * Per-app limits on actions that may run without a human: a refund is auto-approvable only
 * within `refundAutoApproveDays` of the purchase and strictly below `refundAutoApproveBelow`
 * (minor units). Without both limits every refund waits for approval.
 */
export const actionPolicySchema = z
  .object({
    refundAutoApproveDays: z.number().int().min(0).max(3650).optional(),
    refundAutoApproveBelow: z.number().int().positive().optional(),
  })
  .strict();
export type ActionPolicy = z.infer<typeof actionPolicySchema>;

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
