import { z } from "@hono/zod-openapi";

/** One run of an approved side effect (refund, transfer ...), exactly once per idempotency key. */
export const actionExecutionSchema = z
  .object({
    id: z.string(),
    draftId: z.string(),
    action: z.string(),
    input: z.unknown(),
    status: z.enum(["running", "succeeded", "failed"]),
    result: z.unknown(),
    error: z.string().nullable(),
    idempotencyKey: z.string(),
  })
  .openapi("ActionExecution");

/** What a request to run an action answers: the execution, and whether this request ran it. */
export const executionResultSchema = z
  .object({
    executed: z
      .boolean()
      .openapi({ description: "False when an earlier request already ran it; its record is returned." }),
    execution: actionExecutionSchema,
  })
  .openapi("ActionExecutionResult");

/** An action a draft proposes, with its risk class and whether the policy lets it run without a person. */
export const draftActionSchema = z
  .object({
    id: z.string().openapi({ description: "Name it in the approve body's `actions` to run it" }),
    action: z.string(),
    input: z.record(z.string(), z.unknown()),
    risk: z.enum(["read", "low_impact_write", "approval_required"]),
    autoApprovable: z.boolean(),
    reason: z.string(),
    via: z.enum(["stripe", "app", "recorded"]),
    approved: z.boolean().optional(),
  })
  .openapi("DraftAction");

export type ActionExecutionView = z.infer<typeof actionExecutionSchema>;
export type ExecutionResult = z.infer<typeof executionResultSchema>;
export type DraftActionView = z.infer<typeof draftActionSchema>;
