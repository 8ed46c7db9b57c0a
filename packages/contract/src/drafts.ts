import { z } from "@hono/zod-openapi";
import { actionExecutionSchema, draftActionSchema } from "./actions.js";
import { pageQuery } from "./common.js";

export const DRAFT_STATUSES = [
  "pending_approval",
  "approved",
  "sent",
  "auto_sent",
  "rejected",
  "escalated",
  "superseded",
  "expired",
  "declined",
  "failed",
] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

/** The product app's answers as the SDK contract defines them (extra fields pass through). */
const customerUser = z
  .object({ id: z.string(), email: z.string().optional(), name: z.string().optional() })
  .passthrough();
const purchase = z
  .object({
    id: z.string(),
    productName: z.string(),
    amount: z.number(),
    currency: z.string(),
    purchasedAt: z.string(),
    status: z.string(),
    refundedAmount: z.number().optional(),
  })
  .passthrough();
const subscription = z.object({ id: z.string(), plan: z.string(), status: z.string() }).passthrough();
const charge = z.object({ id: z.string(), amount: z.number(), currency: z.string() }).passthrough();

export const draftCustomerSchema = z
  .object({
    user: customerUser.nullable(),
    purchases: z.array(purchase),
    subscriptions: z.array(subscription),
    charges: z.array(charge),
    failures: z.array(z.object({ action: z.string(), error: z.string() })),
  })
  .openapi("DraftCustomer");

export const citationSchema = z.object({
  passageId: z.string(),
  sourceId: z.string(),
  title: z.string(),
  url: z.string().nullable(),
});

export const gateResultSchema = z.object({
  gate: z.string(),
  passed: z.boolean(),
  reason: z.string().optional(),
  findings: z.array(z.string()).optional(),
});

export const autonomyCheckSchema = z.object({ condition: z.string(), passed: z.boolean(), detail: z.string() });

/** The autonomy decision: every check with its inputs, so a stored decision explains itself. */
export const draftDecisionSchema = z
  .object({
    autoSend: z.boolean().optional(),
    wouldAutoSend: z.boolean().optional(),
    reasons: z.array(z.string()).optional(),
    checks: z.array(autonomyCheckSchema).optional(),
  })
  .passthrough();

export const draftSchema = z
  .object({
    id: z.string(),
    appId: z.string(),
    conversationId: z.string(),
    messageId: z.string(),
    status: z.enum(DRAFT_STATUSES),
    category: z.string(),
    text: z.string(),
    sentText: z.string().nullable(),
    citations: z.array(citationSchema),
    triage: z.record(z.string(), z.unknown()),
    gates: z.array(gateResultSchema),
    decision: draftDecisionSchema.openapi({ description: "The autonomy decision with every check and its inputs" }),
    usage: z.array(z.record(z.string(), z.unknown())),
    traceId: z.string(),
    deliveryId: z.string().nullable(),
    decidedBy: z.string().nullable(),
    decidedVia: z.string().nullable(),
    decidedAt: z.string().nullable(),
    reason: z.string().nullable(),
    customer: draftCustomerSchema.nullable().openapi({
      description:
        "What the gather step learnt from the product app, and the calls that failed: for the approver only, never sent to the model or the customer",
    }),
    actions: z.array(draftActionSchema),
    executions: z
      .array(actionExecutionSchema)
      .openapi({ description: "Each approved action as it ran, with its result" }),
    createdAt: z.string(),
  })
  .openapi("Draft");

export const draftsQuery = pageQuery.extend({
  app: z.string().min(1).max(100).optional(),
  status: z.enum(DRAFT_STATUSES).optional(),
  conversation: z.string().min(1).max(100).optional(),
});

export const approveDraftBody = z
  .object({
    text: z.string().max(20_000).optional(),
    actions: z.array(z.string().min(1).max(20)).max(20).optional().openapi({
      description:
        "Ids of the proposed actions to run; [] approves the reply without any action. Required when the draft proposes actions (400 otherwise): nothing runs that the approver did not name",
    }),
  })
  .strict();

export const rejectDraftBody = z.object({ reason: z.string().trim().min(1).max(2000) }).strict();

export type DraftView = z.infer<typeof draftSchema>;
export type CitationView = z.infer<typeof citationSchema>;
export type GateResultView = z.infer<typeof gateResultSchema>;
export type AutonomyCheckView = z.infer<typeof autonomyCheckSchema>;
export type DraftCustomerView = z.infer<typeof draftCustomerSchema>;
export type DraftsQuery = z.infer<typeof draftsQuery>;
export type ApproveDraftInput = z.infer<typeof approveDraftBody>;
