import { z } from "@hono/zod-openapi";

/** A scripted conversation to run a procedure over in shadow mode: nothing is sent or stored. */
export const procedureTestBody = z
  .object({
    version: z.number().int().min(1).optional(),
    transcript: z.object({
      customer: z.object({ email: z.string().email().max(320), name: z.string().max(200).optional() }),
      messages: z
        .array(
          z.object({
            text: z.string().max(20_000),
            attachments: z
              .array(z.object({ name: z.string().max(300).optional(), contentType: z.string().max(200).optional() }))
              .max(50)
              .optional(),
          }),
        )
        .min(1)
        .max(50),
    }),
  })
  .strict()
  .openapi("ProcedureTest");

export const procedureTestResultSchema = z
  .object({
    procedure: z.object({ key: z.string(), version: z.number().int() }),
    outcome: z.enum(["finished", "handed_off", "waiting"]),
    conversationStatus: z.string().nullable(),
    language: z.string(),
    extracted: z.record(z.string(), z.unknown()),
    steps: z.array(
      z.object({
        step: z.string(),
        kind: z.string(),
        input: z.record(z.string(), z.unknown()),
        output: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .openapi("ProcedureTestResult");

export type ProcedureTestInput = z.infer<typeof procedureTestBody>;
export type ProcedureTestResult = z.infer<typeof procedureTestResultSchema>;
