import type { OveragePolicy, Plan } from "@support/decisions";
import type { BillingAdapter } from "@support/payments";

/**
 * Stripe Billing with the plan catalogue, when configured. Absent, billing is off: nothing is
 * limited and the dashboard says so (ADR 0130).
 */
export interface BillingPort {
  plans: readonly Plan[];
  stripe: BillingAdapter;
  /** What applies at the AI draft quota until the owner chooses. */
  overageDefault: OveragePolicy;
}
