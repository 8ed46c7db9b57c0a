import type { ProcedureDefinition } from "@support/contract";
import { describeMissing, missingItems, quoteFromGrid } from "@support/decisions";
import type { ServiceContext } from "../service/context.js";
import { sendProcedureMessage } from "./customer-message.js";
import { draftProcedureMessage } from "./message-approval.js";
import { notifyTeam } from "./notify-team.js";
import {
  following,
  loadRun,
  messageKey,
  type ProcedureStepOutcome,
  record,
  recorded,
  stepOf,
  templateState,
} from "./run-record.js";
import type { RunData } from "./run-views.js";
import { createProcedureTask } from "./tasks.js";
import { renderProcedureTemplate, renderProcedureText, type TemplateState } from "./template-values.js";

/**
 * The durable runner's steps (ADR 0110): each function here is one workflow step of the
 * `run-procedure` function, takes the run's id and the step's key (the step id, `-<n>` from its
 * second visit), reads the run and the version of the procedure it started with, acts, and
 * records its result on the run and in the audit log in one transaction. A step already recorded
 * answers its recorded outcome, and every side effect is keyed by the run and the step key (the
 * delivery, the task, the notification), so a retried or redelivered step does nothing twice.
 */

/** How long a message draft may wait for a person before the run hands the conversation over. */
const APPROVAL_TIMEOUT_HOURS = 7 * 24;

/** The first step of the run's procedure. */
export async function firstProcedureStep(ctx: ServiceContext, runId: string): Promise<string | null> {
  const { definition } = await loadRun(ctx, runId);
  return definition.steps[0]?.id ?? null;
}

/** Runs one step of the definition; a step that waits for the customer answers `wait`. */
export async function executeProcedureStep(
  ctx: ServiceContext,
  runId: string,
  stepId: string,
  key: string,
): Promise<ProcedureStepOutcome> {
  const loaded = await loadRun(ctx, runId);
  const done = recorded(loaded, key);
  if (done) return done;
  const { definition, data, run } = loaded;
  const { step } = stepOf(definition, stepId);
  const send = async (template: string, state: TemplateState, sendKey = key) => {
    const text = renderProcedureTemplate(definition, template, state);
    const sent = await sendProcedureMessage(ctx, {
      conversationId: run.conversationId,
      runId,
      key: messageKey(runId, sendKey),
      template,
      text,
    });
    return { template, ...sent };
  };
  const base = { key, kind: step.kind };
  switch (step.kind) {
    case "extract":
      return record(ctx, loaded, {
        ...base,
        output: { extracted: data.extracted },
        outcome: following(definition, stepId),
      });
    case "checklist": {
      const groups = missingItems(definition.checklist ?? [], definition.fields, data.extracted);
      if (groups.length === 0) {
        const next = { ...data, missing: null };
        return record(
          ctx,
          loaded,
          { ...base, output: { complete: true }, outcome: following(definition, stepId) },
          { data: next },
        );
      }
      const missing = describeMissing(groups, data.language, definition.defaultLanguage);
      const next = { ...data, missing };
      const sent = await send(step.template, templateState(next));
      const wait: ProcedureStepOutcome = {
        kind: "wait",
        timeoutHours: step.wait.timeoutHours,
        reminderAfterHours: step.wait.reminderTemplate ? (step.wait.reminderAfterHours ?? null) : null,
      };
      return record(
        ctx,
        loaded,
        { ...base, output: { missing, sent }, outcome: wait },
        { data: next, status: "awaiting_information" },
      );
    }
    case "quote": {
      const quote = quoteFromGrid(definition.quote?.rules ?? [], data.extracted);
      const next = { ...data, quote };
      if (!quote || quote.kind === "handoff") {
        const sent = step.handoffTemplate ? await send(step.handoffTemplate, templateState(next)) : null;
        const handoff = quote?.label ?? "the grid does not price this request";
        return record(
          ctx,
          loaded,
          { ...base, output: { quote, sent, handoff }, outcome: { kind: "stop", state: "handed_off" } },
          { data: next, handoff },
        );
      }
      const sent = await send(step.template, templateState(next));
      return record(
        ctx,
        loaded,
        { ...base, output: { quote, sent }, outcome: following(definition, stepId) },
        { data: next },
      );
    }
    case "interpret_reply":
      return record(ctx, loaded, {
        ...base,
        output: { waitingHours: step.timeoutHours },
        outcome: { kind: "wait", timeoutHours: step.timeoutHours, reminderAfterHours: null },
      });
    case "message": {
      const text = renderProcedureTemplate(definition, step.template, templateState(data));
      const draft = await draftProcedureMessage(ctx, loaded, {
        key,
        template: step.template,
        text,
        approval: step.approval,
      });
      const outcome: ProcedureStepOutcome = {
        kind: "approval",
        draftId: draft.draftId,
        timeoutHours: APPROVAL_TIMEOUT_HOURS,
      };
      return record(ctx, loaded, { ...base, output: { draft }, outcome });
    }
    case "create_task": {
      const state = templateState(data);
      const title = renderProcedureText(definition, step.title, state);
      const task = await createProcedureTask(ctx, {
        appId: run.appId,
        conversationId: run.conversationId,
        runId,
        key: messageKey(runId, key),
        title,
        description: taskDescription(definition, data, run.conversationId),
      });
      const output = {
        task: { id: task.id, provider: task.provider, externalId: task.externalId, url: task.url },
        title,
      };
      return record(ctx, loaded, { ...base, output, outcome: following(definition, stepId) });
    }
    case "notify": {
      const output = await notifyTeam(ctx, loaded, step, key);
      return record(ctx, loaded, { ...base, output, outcome: following(definition, stepId) });
    }
    case "set_status":
      return record(
        ctx,
        loaded,
        { ...base, output: { status: step.status }, outcome: following(definition, stepId) },
        { status: step.status },
      );
    case "handoff":
      return record(
        ctx,
        loaded,
        { ...base, output: { handoff: step.reason }, outcome: { kind: "stop", state: "handed_off" } },
        { handoff: step.reason },
      );
  }
}

function taskDescription(definition: ProcedureDefinition, data: RunData, conversationId: string): string {
  const lines = [`${definition.name} - ${data.customer.email}`, `Conversation: ${conversationId}`];
  for (const [name, value] of Object.entries(data.extracted)) {
    const text =
      value.kind === "attachment"
        ? value.files.join(", ")
        : value.kind === "dimensions"
          ? value.value.text
          : value.value;
    lines.push(`${name}: ${text}`);
  }
  if (data.quote)
    lines.push(
      `Quote: ${data.quote.kind === "priced" ? `${data.quote.amount} (${data.quote.label})` : data.quote.label}`,
    );
  return lines.join("\n");
}

/** The procedure ran to its end. */
export async function finishProcedureRun(ctx: ServiceContext, runId: string): Promise<ProcedureStepOutcome> {
  const loaded = await loadRun(ctx, runId);
  const done = recorded(loaded, "end");
  if (done) return done;
  return record(ctx, loaded, { key: "end", kind: "end", output: {}, outcome: { kind: "stop", state: "finished" } });
}
