import { z } from "@hono/zod-openapi";

export const auditEntrySchema = z
  .object({
    id: z.string(),
    actor: z.string(),
    action: z.string(),
    subject: z.string(),
    data: z.unknown(),
    traceId: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("AuditEntry");

export const RUN_STATUSES = ["running", "completed", "failed", "cancelled"] as const;

export const workflowRunSchema = z
  .object({
    id: z.string(),
    functionId: z.string(),
    status: z.string(),
    attempt: z.number(),
    maxAttempts: z.number(),
    lastError: z.string().nullable(),
    lastStep: z.string().nullable(),
    event: z.object({ name: z.string() }).passthrough(),
    createdAt: z.string(),
    updatedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi("WorkflowRun");

export const runsQuery = z.object({
  status: z.enum(RUN_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export type AuditEntryView = z.infer<typeof auditEntrySchema>;
export type WorkflowRunView = z.infer<typeof workflowRunSchema>;
export type RunStatus = (typeof RUN_STATUSES)[number];
