import { z } from "@hono/zod-openapi";
import { pageQuery } from "./common.js";
import { CONVERSATION_STATUSES } from "./procedures.js";

/** One step a procedure run took, as the conversation page and the audit log show it. */
export const procedureRunStepSchema = z.object({
  /** The step's id in the definition, with `-<n>` from its second visit on. */
  step: z.string(),
  kind: z.string(),
  output: z.record(z.string(), z.unknown()),
  at: z.string(),
});

export const procedureRunSchema = z
  .object({
    id: z.string(),
    procedureKey: z.string(),
    procedureVersion: z.number().int(),
    state: z.enum(["running", "waiting", "finished", "handed_off", "failed"]),
    currentStep: z.string().nullable(),
    language: z.string(),
    extracted: z.record(z.string(), z.unknown()).openapi({ description: "What the run collected, by field" }),
    missing: z.string().nullable().openapi({ description: "What the customer was last asked for" }),
    quote: z.record(z.string(), z.unknown()).nullable(),
    tasks: z.array(z.object({ id: z.string(), provider: z.string(), url: z.string().nullable() })),
    steps: z.array(procedureRunStepSchema),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi("ProcedureRun");

export const taskSchema = z
  .object({
    id: z.string(),
    appId: z.string(),
    conversationId: z.string().nullable(),
    runId: z.string().nullable(),
    title: z.string(),
    description: z.string().nullable(),
    provider: z.enum(["embedded", "clickup", "hubspot"]),
    externalId: z.string().nullable(),
    url: z.string().nullable(),
    status: z.enum(["creating", "open", "closed"]),
    createdAt: z.string(),
    closedAt: z.string().nullable(),
  })
  .openapi("Task");

export const tasksQuery = pageQuery.extend({
  app: z.string().min(1).max(100).optional(),
  status: z.enum(["creating", "open", "closed"]).optional(),
  conversation: z.string().min(1).max(100).optional(),
});
export const taskIdParam = z.object({ id: z.string().min(1).max(100) });
export const taskPatchBody = z
  .object({ status: z.enum(["open", "closed"]) })
  .strict()
  .openapi("TaskPatch");

/** Where an app's procedures create tasks; the token is stored encrypted and never returned. */
export const clickupConnectionBody = z
  .object({
    token: z.string().trim().min(1).max(500),
    listId: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, "a ClickUp list id"),
    parentTaskId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,100}$/, "a ClickUp task id")
      .optional(),
    apiUrl: z.string().url().max(500).optional().openapi({ description: "Default https://api.clickup.com" }),
  })
  .strict()
  .openapi("ClickUpConnectionInput");
/** Procedure tasks as HubSpot tickets (contact upserted by email, a note per message). */
export const hubspotConnectionBody = z
  .object({
    token: z.string().trim().min(1).max(500).openapi({ description: "A private app's access token" }),
    apiUrl: z.string().url().max(500).optional().openapi({ description: "Default https://api.hubapi.com" }),
    pipeline: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,100}$/, "a HubSpot ticket pipeline id")
      .optional()
      .openapi({ description: "Ticket pipeline, default 0 (the support pipeline)" }),
    stage: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,100}$/, "a HubSpot pipeline stage id")
      .optional()
      .openapi({ description: "Stage of new tickets, default 1 (new)" }),
  })
  .strict()
  .openapi("HubSpotConnectionInput");
export const taskConnectionSchema = z
  .object({
    provider: z.enum(["clickup", "hubspot"]),
    apiUrl: z.string(),
    listId: z.string().openapi({ description: "ClickUp: the list; HubSpot: the ticket pipeline" }),
    parentTaskId: z.string().nullable().openapi({ description: "ClickUp: the parent task; HubSpot: the stage" }),
    updatedAt: z.string(),
  })
  .openapi("TaskConnection");

/** `status` filters on the conversation's own state (open, closed) or where a procedure left it. */
export const CONVERSATION_FILTER_STATUSES = ["open", "closed", ...CONVERSATION_STATUSES] as const;

export type ProcedureRunView = z.infer<typeof procedureRunSchema>;
export type ProcedureRunStep = z.infer<typeof procedureRunStepSchema>;
export type TaskView = z.infer<typeof taskSchema>;
export type TasksQuery = z.infer<typeof tasksQuery>;
export type ClickUpConnectionInput = z.infer<typeof clickupConnectionBody>;
export type HubSpotConnectionInput = z.infer<typeof hubspotConnectionBody>;
export type TaskConnectionView = z.infer<typeof taskConnectionSchema>;
