import { listMessages } from "@support/db";
import { extractFields } from "@support/decisions";
import type { ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import { sendProcedureMessage } from "./customer-message.js";
import { readProcedureReply } from "./read-reply.js";
import {
  attachmentsOf,
  following,
  loadRun,
  messageKey,
  type ProcedureStepOutcome,
  record,
  recorded,
  stepOf,
  templateState,
} from "./run-record.js";
import { renderProcedureTemplate } from "./template-values.js";

/**
 * The customer answered a waiting step: what the reply adds is extracted; a checklist checks
 * again (the step once more), an interpret_reply step branches on what the reply means.
 */
export async function takeProcedureReply(
  ctx: ServiceContext,
  runId: string,
  stepId: string,
  key: string,
  messageId: string,
): Promise<ProcedureStepOutcome> {
  const loaded = await loadRun(ctx, runId);
  const replyKey = `${key}:reply`;
  const done = recorded(loaded, replyKey);
  if (done) return done;
  const { definition, data, run } = loaded;
  const { step } = stepOf(definition, stepId);
  const messages = await listMessages(ctx.db, ctx.org.id, run.conversationId);
  const message = messages.find((m) => m.id === messageId);
  if (!message) throw new AppError("not_found", `message "${messageId}" not found`);
  const extracted = extractFields(
    definition.fields,
    { text: message.text, attachments: attachmentsOf(message) },
    data.extracted,
  );
  const newFields = Object.keys(extracted).filter(
    (name) => JSON.stringify(data.extracted[name]) !== JSON.stringify(extracted[name]),
  );
  const next = { ...data, extracted };
  if (step.kind === "interpret_reply") {
    const reading = await readProcedureReply(ctx, { message, messages, language: data.language, newFields });
    const outcome = following(definition, stepId, step.on[reading.intent]);
    return record(
      ctx,
      loaded,
      { key: replyKey, kind: step.kind, output: { messageId, newFields, ...reading }, outcome },
      { data: next },
    );
  }
  return record(
    ctx,
    loaded,
    { key: replyKey, kind: step.kind, output: { messageId, newFields }, outcome: { kind: "next", next: stepId } },
    { data: next },
  );
}

/** The customer has not answered by the reminder time: the step's reminder, once. */
export async function remindProcedureCustomer(ctx: ServiceContext, runId: string, stepId: string, key: string) {
  const loaded = await loadRun(ctx, runId);
  const remindKey = `${key}:reminder`;
  const done = recorded(loaded, remindKey);
  const { step } = stepOf(loaded.definition, stepId);
  if (done || step.kind !== "checklist" || !step.wait.reminderTemplate) return;
  const text = renderProcedureTemplate(loaded.definition, step.wait.reminderTemplate, templateState(loaded.data));
  const sent = await sendProcedureMessage(ctx, {
    conversationId: loaded.run.conversationId,
    runId,
    key: messageKey(runId, remindKey),
    template: step.wait.reminderTemplate,
    text,
  });
  const outcome: ProcedureStepOutcome = {
    kind: "wait",
    timeoutHours: step.wait.timeoutHours,
    reminderAfterHours: null,
  };
  await record(ctx, loaded, { key: remindKey, kind: step.kind, output: { sent }, outcome });
}

/** No answer in time: the conversation goes to a person. */
export async function expireProcedureWait(ctx: ServiceContext, runId: string, key: string, hours: number) {
  const loaded = await loadRun(ctx, runId);
  const expireKey = `${key}:timeout`;
  const done = recorded(loaded, expireKey);
  if (done) return done;
  const handoff = `no answer from the customer within ${hours} hours`;
  return record(
    ctx,
    loaded,
    { key: expireKey, kind: "handoff", output: { handoff }, outcome: { kind: "stop", state: "handed_off" } },
    { handoff },
  );
}

/**
 * What ends a step's wait without waiting: the reply or the timeout already recorded (a second
 * delivery of the run's event replays a run that already heard the customer), or a customer
 * message that arrived after the step asked and before its wait began (a wait only sees later
 * events), so it is answered, not lost. Null: wait.
 */
export async function replyBeforeWait(
  ctx: ServiceContext,
  runId: string,
  key: string,
): Promise<{ messageId: string } | { timedOut: true } | null> {
  const { run, steps } = await loadRun(ctx, runId);
  const answered = steps.find((s) => s.step === `${key}:reply`)?.output.messageId;
  if (typeof answered === "string") return { messageId: answered };
  if (steps.some((s) => s.step === `${key}:timeout`)) return { timedOut: true };
  const asked = steps.find((s) => s.step === key);
  if (!asked) return null;
  const read = new Set<unknown>([run.triggerMessageId, ...steps.map((s) => s.output.messageId)]);
  const messages = await listMessages(ctx.db, ctx.org.id, run.conversationId);
  const early = messages
    .filter((m) => m.direction === "inbound" && m.authorKind === "customer" && !read.has(m.id))
    .filter((m) => m.createdAt.getTime() > new Date(asked.at).getTime());
  const id = early.at(-1)?.id;
  return id ? { messageId: id } : null;
}
