import { type ActionPolicy, actionPolicySchema, type Role } from "@support/contract";

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

/**
 * The lowest role that may approve an action of this risk class (ADR 0101): reads need nothing
 * more than membership, the rest follow the app's `approverRoles`, agents when it says nothing.
 */
export function approverRoleFor(policy: ActionPolicy, risk: "read" | "low_impact_write" | "approval_required"): Role {
  if (risk === "read") return "agent";
  return policy.approverRoles?.[risk] ?? "agent";
}
