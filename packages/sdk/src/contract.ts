import { z } from "zod";
import { SDK_VERSION } from "./version.js";

/**
 * The app-side contract: what the platform may ask a product app. Every input and output has a
 * zod schema because both ends validate: the app's handler checks what the platform sends and
 * what the app answers, and the platform's caller checks the answer again before it reaches the
 * pipeline. Money is in minor units (cents) with an ISO 4217 currency, dates are ISO 8601.
 */

const money = z.number().int().nonnegative();
const currency = z
  .string()
  .regex(/^[A-Za-z]{3}$/, "ISO 4217 code")
  .transform((c) => c.toUpperCase());
const isoDate = z.iso.datetime({ offset: true });
const metadata = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));
const noInput = z.object({}).strict();

export const userSchema = z.object({
  id: z.string().min(1),
  email: z.email().optional(),
  phone: z.string().min(3).optional(),
  name: z.string().optional(),
  createdAt: isoDate.optional(),
  metadata: metadata.optional(),
});

export const purchaseSchema = z.object({
  id: z.string().min(1),
  productId: z.string().optional(),
  productName: z.string().min(1),
  amount: money,
  currency,
  purchasedAt: isoDate,
  status: z.enum(["paid", "refunded", "partially_refunded", "disputed", "pending"]),
  refundedAmount: money.optional(),
  metadata: metadata.optional(),
});

export const subscriptionSchema = z.object({
  id: z.string().min(1),
  plan: z.string().min(1),
  status: z.enum(["trialing", "active", "past_due", "canceled", "paused"]),
  currentPeriodEnd: isoDate.optional(),
  cancelAtPeriodEnd: z.boolean().optional(),
  amount: money.optional(),
  currency: currency.optional(),
});

export const refundResultSchema = z.object({
  refundId: z.string().min(1),
  purchaseId: z.string().min(1),
  amount: money,
  currency,
  status: z.enum(["succeeded", "pending", "failed"]),
});

export const contentResultSchema = z.object({
  title: z.string().min(1),
  url: z.url().optional(),
  snippet: z.string(),
});

export const refundPolicySchema = z.object({
  windowDays: z.number().int().nonnegative(),
  maxAmount: money.optional(),
  currency: currency.optional(),
  text: z.string().optional(),
});

export const appInfoSchema = z.object({
  name: z.string().min(1),
  url: z.url().optional(),
  supportEmail: z.email().optional(),
  description: z.string().optional(),
});

/** Every action: its input, its output, and whether an app must implement it. */
export const actions = {
  lookupUser: {
    required: true,
    input: z
      .object({ email: z.email().optional(), phone: z.string().min(3).optional() })
      .refine((i) => i.email !== undefined || i.phone !== undefined, { message: "email or phone is required" }),
    output: userSchema.nullable(),
  },
  getPurchases: {
    required: true,
    input: z.object({ userId: z.string().min(1) }),
    output: z.array(purchaseSchema),
  },
  getSubscriptions: {
    required: false,
    input: z.object({ userId: z.string().min(1) }),
    output: z.array(subscriptionSchema),
  },
  refund: {
    required: false,
    input: z.object({ purchaseId: z.string().min(1), amount: money.positive().optional(), reason: z.string().min(1) }),
    output: refundResultSchema,
  },
  revokeAccess: {
    required: false,
    input: z.object({ userId: z.string().min(1), purchaseId: z.string().min(1).optional(), reason: z.string().min(1) }),
    output: z.object({ revoked: z.boolean() }),
  },
  transferPurchase: {
    required: false,
    input: z.object({ purchaseId: z.string().min(1), toEmail: z.email() }),
    output: z.object({ purchaseId: z.string().min(1), toUserId: z.string().min(1) }),
  },
  generateMagicLink: {
    required: false,
    input: z.object({ email: z.email() }),
    output: z.object({ url: z.url(), expiresAt: isoDate }),
  },
  updateEmail: {
    required: false,
    input: z.object({ userId: z.string().min(1), newEmail: z.email() }),
    output: z.object({ userId: z.string().min(1), email: z.email() }),
  },
  searchContent: {
    required: false,
    input: z.object({ query: z.string().min(1), limit: z.number().int().min(1).max(50).optional() }),
    output: z.array(contentResultSchema),
  },
  getRefundPolicy: { required: false, input: noInput, output: refundPolicySchema },
  getAppInfo: { required: false, input: noInput, output: appInfoSchema },
} as const;

export type IntegrationMethodName = keyof typeof actions;
export type RequiredMethodName = {
  [K in IntegrationMethodName]: (typeof actions)[K]["required"] extends true ? K : never;
}[IntegrationMethodName];
export type OptionalMethodName = Exclude<IntegrationMethodName, RequiredMethodName>;

export function isIntegrationMethodName(name: string): name is IntegrationMethodName {
  return Object.hasOwn(actions, name);
}

export const describeResultSchema = z.object({
  sdkVersion: z.string().min(1),
  // An app on a newer SDK may list methods this version does not know; they are dropped, not fatal.
  capabilities: z.array(z.string()).transform((names) => names.filter(isIntegrationMethodName)),
});
export type DescribeResult = z.infer<typeof describeResultSchema>;

/** `describe` is answered by the SDK itself, so it sits beside the integration's methods. */
export const allActions = { ...actions, describe: { required: true, input: noInput, output: describeResultSchema } };
export type ActionName = keyof typeof allActions;

export type ActionInput<A extends ActionName> = z.input<(typeof allActions)[A]["input"]>;
export type ActionOutput<A extends ActionName> = z.output<(typeof allActions)[A]["output"]>;

/** What the handler passes beside the input: the platform's idempotency key for side effects. */
export interface ActionContext {
  /** Stable across retries of one decision (conversation + action + input); use it to execute once. */
  idempotencyKey?: string;
  /** The signed timestamp of the call, in unix seconds. */
  signedAt: number;
}

type Method<K extends IntegrationMethodName> = (
  input: z.output<(typeof actions)[K]["input"]>,
  context: ActionContext,
) => Promise<z.input<(typeof actions)[K]["output"]>> | z.input<(typeof actions)[K]["output"]>;

/** What a product app implements: `lookupUser` and `getPurchases`, and any of the others. */
export type SupportIntegration = { [K in RequiredMethodName]: Method<K> } & {
  [K in OptionalMethodName]?: Method<K>;
};

export type User = z.infer<typeof userSchema>;
export type Purchase = z.infer<typeof purchaseSchema>;
export type Subscription = z.infer<typeof subscriptionSchema>;
export type RefundResult = z.infer<typeof refundResultSchema>;
export type ContentResult = z.infer<typeof contentResultSchema>;
export type RefundPolicy = z.infer<typeof refundPolicySchema>;
export type AppInfo = z.infer<typeof appInfoSchema>;

export function isActionName(name: string): name is ActionName {
  return Object.hasOwn(allActions, name);
}

export function describeIntegration(integration: SupportIntegration): DescribeResult {
  const capabilities = (Object.keys(actions) as IntegrationMethodName[]).filter(
    (name) => typeof integration[name] === "function",
  );
  return { sdkVersion: SDK_VERSION, capabilities };
}

/** The body of every signed call: one endpoint, the action names what to do. */
export const envelopeSchema = z.object({
  action: z.string().min(1),
  input: z.unknown().optional(),
  idempotencyKey: z.string().min(1).max(200).optional(),
  /** Unique per call, so two identical calls in the same second are not mistaken for a replay. */
  nonce: z.string().min(1).max(100).optional(),
});
export type Envelope = z.infer<typeof envelopeSchema>;
