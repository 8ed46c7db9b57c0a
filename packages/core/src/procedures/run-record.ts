import { PROCEDURE_END, type ProcedureDefinition, type ProcedureRunStep, type ProcedureStep } from "@support/contract";
import {
  getProcedureRun,
  type Message,
  type ProcedureRunRow,
  updateConversation,
  updateProcedureRun,
} from "@support/db";
import type { IncomingAttachment } from "@support/decisions";
import { commitChange } from "../service/change.js";
import type { ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import { procedureVersion } from "./definitions.js";
import { type RunData, runData } from "./run-views.js";
import type { TemplateState } from "./template-values.js";

/**
 * What every step of a procedure run shares: the run as loaded with its version of the
 * procedure, where a step goes next, and how its result is recorded (on the run, on the
 * conversation, in the audit log, in one transaction).
 */

/** What the workflow does after a step: go on (null: the procedure is over), wait for the customer, or stop. */
export type ProcedureStepOutcome =
  | { kind: "next"; next: string | null }
  | { kind: "wait"; timeoutHours: number; reminderAfterHours: number | null }
  /** A message draft waits for its decision (a person's, or autonomy's send). */
  | { kind: "approval"; draftId: string; timeoutHours: number }
  | { kind: "stop"; state: "finished" | "handed_off" };

export interface StoredStep extends ProcedureRunStep {
  outcome: ProcedureStepOutcome;
}

export interface LoadedRun {
  run: ProcedureRunRow;
  definition: ProcedureDefinition;
  data: RunData;
  steps: StoredStep[];
}

/** A message's files as a procedure counts them; a file intake refused (wrong type, too large) is not one. */
export const attachmentsOf = (message: Message): IncomingAttachment[] =>
  Array.isArray(message.attachments)
    ? (message.attachments as { name?: unknown; contentType?: unknown; refused?: unknown }[])
        .filter((a) => a.refused === undefined)
        .map((a) => ({
          name: typeof a.name === "string" ? a.name : undefined,
          contentType: typeof a.contentType === "string" ? a.contentType : undefined,
        }))
    : [];

export async function loadRun(ctx: ServiceContext, runId: string): Promise<LoadedRun> {
  const run = await getProcedureRun(ctx.db, ctx.org.id, runId);
  if (!run) throw new AppError("not_found", `procedure run "${runId}" not found`);
  const { definition } = await procedureVersion(ctx, run.procedureId);
  return { run, definition, data: runData(run), steps: run.results as StoredStep[] };
}

export const stepOf = (definition: ProcedureDefinition, id: string): { step: ProcedureStep; index: number } => {
  const index = definition.steps.findIndex((s) => s.id === id);
  const step = definition.steps[index];
  if (!step) throw new AppError("conflict", `the procedure has no step "${id}"`);
  return { step, index };
};

/** Where a step goes on: its `next`, `end`, or the following step (null: the procedure is over). */
export function following(definition: ProcedureDefinition, id: string, jump?: string): ProcedureStepOutcome {
  const { step, index } = stepOf(definition, id);
  const next = jump ?? step.next;
  if (next === PROCEDURE_END) return { kind: "next", next: null };
  return { kind: "next", next: next ?? definition.steps[index + 1]?.id ?? null };
}

export const templateState = (data: RunData): TemplateState => ({
  customer: data.customer,
  language: data.language,
  missing: data.missing ?? "",
  quote: data.quote,
  extracted: data.extracted,
});

/**
 * Records one step's result: on the run (state, current step, data), on the conversation (its
 * status, when the step set one) and in the audit log, in one transaction. A hand-off also
 * escalates the conversation to a person.
 */
export async function record(
  ctx: ServiceContext,
  loaded: LoadedRun,
  entry: { key: string; kind: string; output: Record<string, unknown>; outcome: ProcedureStepOutcome },
  changes: { data?: RunData; status?: string; handoff?: string; escalated?: boolean } = {},
): Promise<ProcedureStepOutcome> {
  const { run } = loaded;
  const state =
    entry.outcome.kind === "stop"
      ? entry.outcome.state
      : entry.outcome.kind === "wait" || entry.outcome.kind === "approval"
        ? "waiting"
        : "running";
  const stored: StoredStep = {
    step: entry.key,
    kind: entry.kind,
    output: entry.output,
    at: new Date().toISOString(),
    outcome: entry.outcome,
  };
  await commitChange(ctx, async (tx, log) => {
    await updateProcedureRun(tx, ctx.org.id, run.id, {
      state,
      currentStep: entry.key,
      data: changes.data ?? loaded.data,
      results: [...loaded.steps, stored],
      finishedAt: entry.outcome.kind === "stop" ? new Date() : null,
    });
    if (changes.status !== undefined || changes.handoff !== undefined) {
      await updateConversation(tx, ctx.org.id, run.conversationId, {
        ...(changes.status !== undefined ? { procedureStatus: changes.status } : {}),
        ...(changes.handoff !== undefined ? { status: "escalated" } : {}),
      });
    }
    await log.audit({
      action: "procedure.step",
      subject: run.id,
      data: { conversationId: run.conversationId, step: entry.key, kind: entry.kind, output: entry.output },
    });
    // A rejected draft escalated the conversation already (its notification and notice).
    if (changes.handoff !== undefined && !changes.escalated) {
      await log.emit("support/conversation.escalated", {
        v: 1,
        orgId: ctx.org.id,
        appId: run.appId,
        conversationId: run.conversationId,
      });
    }
  });
  return entry.outcome;
}

/** A step already recorded answers its recorded outcome: the workflow's retry changes nothing. */
export const recorded = (loaded: LoadedRun, key: string): ProcedureStepOutcome | undefined =>
  loaded.steps.find((s) => s.step === key)?.outcome;

export const messageKey = (runId: string, key: string) => `procedure:${runId}:${key}`;
