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

export const draftCustomerSchema = z
  .object({
    user: z.record(z.string(), z.unknown()).nullable(),
    purchases: z.array(z.record(z.string(), z.unknown())),
    subscriptions: z.array(z.record(z.string(), z.unknown())),
    charges: z.array(z.record(z.string(), z.unknown())),
    failures: z.array(z.object({ action: z.string(), error: z.string() })),
  })
  .openapi("DraftCustomer");

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
    citations: z.array(
      z.object({ passageId: z.string(), sourceId: z.string(), title: z.string(), url: z.string().nullable() }),
    ),
    triage: z.record(z.string(), z.unknown()),
    gates: z.array(
      z.object({
        gate: z.string(),
        passed: z.boolean(),
        reason: z.string().optional(),
        findings: z.array(z.string()).optional(),
      }),
    ),
    decision: z
      .record(z.string(), z.unknown())
      .openapi({ description: "The autonomy decision with every check and its inputs" }),
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
        "Ids of the proposed actions to run (default: all of them); [] approves the reply without any action",
    }),
  })
  .strict();

export const rejectDraftBody = z.object({ reason: z.string().trim().min(1).max(2000) }).strict();

export type DraftView = z.infer<typeof draftSchema>;
export type DraftCustomerView = z.infer<typeof draftCustomerSchema>;
export type DraftsQuery = z.infer<typeof draftsQuery>;
export type ApproveDraftInput = z.infer<typeof approveDraftBody>;
