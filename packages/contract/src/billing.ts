import { z } from "@hono/zod-openapi";

/** The quotas a plan sets (the same list as `QUOTAS` in `@support/decisions`; typecheck ties them). */
export const QUOTA_NAMES = ["aiDrafts", "seats", "apps", "knowledgePages", "channels"] as const;
export const BILLING_STATUS_NAMES = ["trialing", "active", "past_due", "canceled", "paused"] as const;
export const BILLING_CURRENCIES = ["EUR", "MGA"] as const;

export const quotaUsageSchema = z.object({
  quota: z.enum(QUOTA_NAMES),
  used: z.number().int(),
  limit: z.number().int().nullable().openapi({ description: "null when billing is off: unlimited" }),
  level: z.enum(["ok", "warning", "reached"]).openapi({ description: "warning from 80 %, reached at 100 %" }),
});

export const planSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  trial: z.boolean(),
  metered: z.boolean(),
  prices: z.array(z.object({ currency: z.enum(BILLING_CURRENCIES), amount: z.number().int() })),
  quotas: z.record(z.enum(QUOTA_NAMES), z.number().int()),
});

export const billingSchema = z
  .object({
    enabled: z.boolean().openapi({ description: "false without Stripe Billing configured: nothing is limited" }),
    plan: z.object({ id: z.string(), name: z.string() }).nullable(),
    status: z.enum(BILLING_STATUS_NAMES).nullable(),
    periodEnd: z.string().nullable(),
    trialEndsAt: z.string().nullable(),
    overage: z.enum(["pause", "allow"]),
    /** Why the model is not drafting now (messages still arrive and go to people), or null. */
    aiPaused: z.string().nullable(),
    usage: z.array(quotaUsageSchema),
    plans: z.array(planSummarySchema),
    canManage: z.boolean().openapi({ description: "Whether a Stripe customer exists, so the portal can open" }),
  })
  .openapi("Billing");

export const checkoutBody = z.object({
  plan: z.string().min(1).max(32),
  currency: z.enum(BILLING_CURRENCIES).default("EUR"),
});
export const overageBody = z.object({ overage: z.enum(["pause", "allow"]) });
export const redirectSchema = z.object({ url: z.string().url() }).openapi("Redirect");

export type BillingView = z.infer<typeof billingSchema>;
export type QuotaUsageView = z.infer<typeof quotaUsageSchema>;
