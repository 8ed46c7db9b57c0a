/**
 * Plans and quotas, defined once (ADR 0130). The composition root passes the catalogue to the
 * services; `skill billing sync` publishes it to Stripe under stable lookup keys.
 */

export const QUOTAS = ["aiDrafts", "seats", "apps", "knowledgePages", "channels"] as const;
export type Quota = (typeof QUOTAS)[number];

export const CURRENCIES = ["EUR", "MGA"] as const;
export type Currency = (typeof CURRENCIES)[number];

export interface Plan {
  id: string;
  name: string;
  /** Per quota: the monthly (AI drafts) or standing (the rest) limit. */
  quotas: Record<Quota, number>;
  /** Monthly price per currency in the currency's smallest unit (EUR cents; MGA has none). */
  prices: Partial<Record<Currency, number>>;
  /** Drafts beyond the quota are reported to a Stripe Billing meter and billed (when overage is allowed). */
  metered: boolean;
  /** The plan every organization starts on, for `TRIAL_DAYS`, without a card. */
  trial?: boolean;
}

export const TRIAL_DAYS = 14;

export const DEFAULT_PLANS: readonly Plan[] = [
  {
    id: "trial",
    name: "Free trial",
    trial: true,
    metered: false,
    prices: {},
    quotas: { aiDrafts: 200, seats: 3, apps: 1, knowledgePages: 100, channels: 2 },
  },
  {
    id: "starter",
    name: "Starter",
    metered: false,
    prices: { EUR: 2900, MGA: 99_000 },
    quotas: { aiDrafts: 500, seats: 3, apps: 1, knowledgePages: 200, channels: 2 },
  },
  {
    id: "pro",
    name: "Pro",
    metered: true,
    prices: { EUR: 7900, MGA: 290_000 },
    quotas: { aiDrafts: 2500, seats: 10, apps: 3, knowledgePages: 2000, channels: 6 },
  },
  {
    id: "business",
    name: "Business",
    metered: true,
    prices: { EUR: 19_900, MGA: 690_000 },
    quotas: { aiDrafts: 10_000, seats: 30, apps: 10, knowledgePages: 10_000, channels: 20 },
  },
];

/** The Stripe lookup key of a plan's price: stable, so a re-sync finds what the last one made. */
export function priceLookupKey(planId: string, currency: Currency): string {
  return `support_${planId}_${currency.toLowerCase()}_monthly`;
}

/** The Stripe lookup key of a plan's metered overage price (per AI draft beyond the quota). */
export function overageLookupKey(planId: string, currency: Currency): string {
  return `support_${planId}_${currency.toLowerCase()}_overage`;
}

/** Overage per draft: a hundredth of the plan's price per included draft, at least 1 unit. */
export function overageUnitAmount(plan: Plan, currency: Currency): number | undefined {
  const price = plan.prices[currency];
  if (price === undefined || !plan.metered) return undefined;
  return Math.max(1, Math.round(price / plan.quotas.aiDrafts));
}

/** Refuses a catalogue a typo would break: one trial plan, unique ids, non-negative quotas. */
export function checkPlans(plans: readonly Plan[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const plan of plans) {
    if (!/^[a-z][a-z0-9_]{0,30}$/.test(plan.id)) problems.push(`plan id "${plan.id}" must be lowercase letters`);
    if (ids.has(plan.id)) problems.push(`plan id "${plan.id}" appears twice`);
    ids.add(plan.id);
    for (const quota of QUOTAS) {
      const limit = plan.quotas[quota];
      if (!Number.isInteger(limit) || limit < 0)
        problems.push(`plan "${plan.id}": ${quota} must be a whole number ≥ 0`);
    }
    if (!plan.trial && Object.keys(plan.prices).length === 0) problems.push(`plan "${plan.id}" has no price`);
  }
  if (plans.filter((p) => p.trial).length !== 1) problems.push("exactly one plan must be the trial");
  return problems;
}
