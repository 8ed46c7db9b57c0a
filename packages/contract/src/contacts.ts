import { z } from "@hono/zod-openapi";

export const contactRefParam = z.object({
  id: z.string().min(1).max(320).openapi({ description: "A contact id (con_…), an email address or a phone number" }),
});

const rows = z.array(z.record(z.string(), z.unknown()));

export const customerExportSchema = z
  .object({
    exportedAt: z.string(),
    contacts: rows,
    conversations: rows.openapi({ description: "Each with its messages" }),
    inboundEvents: rows.openapi({ description: "The raw webhook payloads as received" }),
    drafts: rows,
    actionExecutions: rows,
    deliveries: rows,
    sandboxMessages: rows,
    learnedKnowledge: rows,
  })
  .openapi("CustomerExport");

export const customerErasedSchema = z
  .object({
    erased: z.object({
      contacts: z.number().int(),
      conversations: z.number().int(),
      messages: z.number().int(),
      drafts: z.number().int(),
      deliveries: z.number().int(),
      learnedKnowledge: z.number().int(),
      workflowRuns: z.number().int(),
      files: z.number().int(),
    }),
  })
  .openapi("CustomerErased");
export type CustomerErasedView = z.infer<typeof customerErasedSchema>;
