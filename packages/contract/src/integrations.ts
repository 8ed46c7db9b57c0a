import { z } from "@hono/zod-openapi";
import { ROLES } from "./common.js";

/**
 * Per-app limits on actions that may run without a human: a refund is auto-approvable only
 * within `refundAutoApproveDays` of the purchase and strictly below `refundAutoApproveBelow`
 * (minor units). Without both limits every refund waits for approval. `approverRoles` names the
 * lowest role that may approve a draft carrying an action of each risk class (ADR 0101): agents
 * by default; an app that wants refunds signed off by an admin says `approval_required: "admin"`.
 */
export const actionPolicySchema = z
  .object({
    refundAutoApproveDays: z.number().int().min(0).max(3650).optional(),
    refundAutoApproveBelow: z.number().int().positive().optional(),
    approverRoles: z
      .object({ low_impact_write: z.enum(ROLES).optional(), approval_required: z.enum(ROLES).optional() })
      .strict()
      .optional(),
  })
  .strict();

/** What an integration looks like from outside: never its secrets, only how many are live. */
export const integrationSchema = z
  .object({
    appId: z.string(),
    url: z.string(),
    activeSecrets: z.number().openapi({ description: "2 while a secret rotation overlaps, else 1." }),
    policy: actionPolicySchema,
    capabilities: z.array(z.string()).nullable(),
    checkedAt: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi("Integration");

export const integrationWithSecretSchema = z
  .object({
    integration: integrationSchema,
    secret: z.string().optional().openapi({ description: "Only when generated: shown once, never readable later." }),
  })
  .openapi("IntegrationWithSecret");

/** A rotation always answers the new secret (given or generated). */
export const rotatedIntegrationSchema = integrationWithSecretSchema.required({ secret: true });

export const integrationHealthSchema = z
  .object({
    ok: z.boolean(),
    url: z.string(),
    latencyMs: z.number(),
    sdkVersion: z.string().optional(),
    capabilities: z.array(z.string()).optional(),
    /** Why the app could not be described: the SDK's failure kind and its message. */
    error: z.object({ kind: z.string(), message: z.string(), status: z.number().optional() }).optional(),
  })
  .openapi("IntegrationHealth");

export const integrateBody = z
  .object({
    url: z.string().min(1).max(500),
    secret: z.string().optional(),
    policy: actionPolicySchema.optional(),
  })
  .strict();

export const rotateIntegrationSecretBody = z.object({ secret: z.string().optional() }).strict();

export const executeActionBody = z
  .object({ draftId: z.string().min(1), action: z.string().min(1), input: z.unknown() })
  .strict();

/** A customer's payments on the app's connected Stripe account, read from Stripe on demand. */
export const stripeCustomerPaymentsSchema = z
  .object({
    charges: z.array(
      z.object({
        id: z.string(),
        amount: z.number(),
        currency: z.string(),
        created: z.string(),
        refunded: z.number(),
        status: z.string(),
        disputed: z.boolean(),
      }),
    ),
    refunds: z.array(
      z.object({
        id: z.string(),
        charge: z.string().nullable(),
        amount: z.number(),
        currency: z.string(),
        status: z.string().nullable(),
      }),
    ),
    subscriptions: z.array(
      z.object({
        id: z.string(),
        status: z.string(),
        currentPeriodEnd: z.string().nullable(),
        cancelAtPeriodEnd: z.boolean(),
      }),
    ),
  })
  .openapi("StripeCustomerPayments");

export const stripeConnectUrlSchema = z.object({ url: z.string() });
export const stripePaymentsQuery = z.object({ email: z.email() });
export const stripeRefundBody = z
  .object({
    draftId: z.string().min(1),
    chargeId: z.string().min(1),
    amount: z.number().int().positive().optional(),
  })
  .strict();

export type ActionPolicy = z.infer<typeof actionPolicySchema>;
export type IntegrationView = z.infer<typeof integrationSchema>;
export type IntegrationWithSecret = z.infer<typeof integrationWithSecretSchema>;
export type RotatedIntegration = z.infer<typeof rotatedIntegrationSchema>;
export type IntegrationHealth = z.infer<typeof integrationHealthSchema>;
export type IntegrateInput = z.infer<typeof integrateBody>;
export type ExecuteActionInput = z.infer<typeof executeActionBody>;
export type StripeCustomerPaymentsView = z.infer<typeof stripeCustomerPaymentsSchema>;
export type StripeRefundInput = z.infer<typeof stripeRefundBody>;
