import { PROCEDURE_END, type ProcedureDefinition, type ProcedureRunStep, type ProcedureStep } from "@support/contract";
import {
  activeProcedureRun,
  getContact,
  getConversation,
  getProcedureRun,
  insertProcedureRun,
  listMessages,
  type Message,
  type ProcedureRunRow,
  procedureRunsOfConversation,
  updateConversation,
  updateProcedureRun,
} from "@support/db";
import {
  describeMissing,
  extractFields,
  type IncomingAttachment,
  interpretReply,
  missingItems,
  quoteFromGrid,
} from "@support/decisions";
import { deliverNotification, raiseNotification } from "../notifications/notify.js";
import { commitChange } from "../service/change.js";
import type { ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import { sendProcedureMessage } from "./customer-message.js";
import { procedureVersion } from "./definitions.js";
import { type RunData, runData } from "./run-views.js";
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

/** What the workflow does after a step: go on (null: the procedure is over), wait for the customer, or stop. */
export type ProcedureStepOutcome =
  | { kind: "next"; next: string | null }
  | { kind: "wait"; timeoutHours: number; reminderAfterHours: number | null }
  | { kind: "stop"; state: "finished" | "handed_off" };

interface StoredStep extends ProcedureRunStep {
  outcome: ProcedureStepOutcome;
}

interface LoadedRun {
  run: ProcedureRunRow;
  definition: ProcedureDefinition;
  data: RunData;
  steps: StoredStep[];
}

const attachmentsOf = (message: Message): IncomingAttachment[] =>
  Array.isArray(message.attachments)
    ? (message.attachments as { name?: unknown; contentType?: unknown }[]).map((a) => ({
        name: typeof a.name === "string" ? a.name : undefined,
        contentType: typeof a.contentType === "string" ? a.contentType : undefined,
      }))
    : [];

/**
 * Starts a run of the live procedure for a triaged message, with `support/procedure.started`, in
 * one transaction; the existing run when the message already started one (a redelivered draft
 * step). The run extracts what the first message holds.
 */
export async function startProcedureRun(
  ctx: ServiceContext,
  input: {
    appId: string;
    conversationId: string;
    messageId: string;
    procedureId: string;
    triage: { category: string; language: string | null };
  },
): Promise<{ runId: string; created: boolean }> {
  const orgId = ctx.org.id;
  const procedure = await procedureVersion(ctx, input.procedureId);
  const conversation = await getConversation(ctx.db, orgId, input.conversationId);
  if (!conversation) throw new AppError("not_found", `conversation "${input.conversationId}" not found`);
  const [contact, messages] = await Promise.all([
    getContact(ctx.db, orgId, conversation.contactId),
    listMessages(ctx.db, orgId, conversation.id),
  ]);
  const message = messages.find((m) => m.id === input.messageId);
  if (!message) throw new AppError("not_found", `message "${input.messageId}" not found`);
  const definition = procedure.definition;
  const declared = (message.metadata as { source?: unknown } | null)?.source;
  const data: RunData = {
    language: input.triage.language ?? definition.defaultLanguage,
    customer: { email: contact?.email ?? "", name: contact?.name ?? "" },
    extracted: extractFields(definition.fields, { text: message.text, attachments: attachmentsOf(message) }),
    quote: null,
    missing: null,
    classification: {
      category: input.triage.category,
      declaredSource: typeof declared === "string" && declared !== input.triage.category ? declared : null,
    },
  };
  return commitChange(ctx, async (tx, log) => {
    const { run, created } = await insertProcedureRun(tx, {
      orgId,
      appId: input.appId,
      conversationId: conversation.id,
      procedureId: procedure.id,
      procedureKey: procedure.key,
      procedureVersion: procedure.version,
      triggerMessageId: message.id,
      data,
    });
    if (created) {
      await log.audit({
        action: "procedure.run_started",
        subject: run.id,
        data: { conversationId: conversation.id, key: procedure.key, version: procedure.version },
      });
      await log.emit("support/procedure.started", {
        v: 1,
        orgId,
        appId: input.appId,
        conversationId: conversation.id,
        runId: run.id,
      });
    }
    return { runId: run.id, created };
  });
}

/**
 * The run a customer message belongs to: one under way on its conversation, or one that was
 * under way when the message arrived (its reply, read before this drafting turn came), so a
 * reply never starts a second run or a draft.
 */
export async function procedureRunOfMessage(
  ctx: ServiceContext,
  conversationId: string,
  messageId: string,
): Promise<string | null> {
  const active = await activeProcedureRun(ctx.db, ctx.org.id, conversationId);
  if (active) return active.id;
  const message = (await listMessages(ctx.db, ctx.org.id, conversationId)).find((m) => m.id === messageId);
  if (!message) return null;
  const at = message.createdAt.getTime();
  const runs = await procedureRunsOfConversation(ctx.db, ctx.org.id, conversationId);
  const owner = runs.find(
    (run) => run.createdAt.getTime() <= at && (run.finishedAt === null || run.finishedAt.getTime() >= at),
  );
  return owner?.id ?? null;
}

async function loadRun(ctx: ServiceContext, runId: string): Promise<LoadedRun> {
  const run = await getProcedureRun(ctx.db, ctx.org.id, runId);
  if (!run) throw new AppError("not_found", `procedure run "${runId}" not found`);
  const { definition } = await procedureVersion(ctx, run.procedureId);
  return { run, definition, data: runData(run), steps: run.results as StoredStep[] };
}

const stepOf = (definition: ProcedureDefinition, id: string): { step: ProcedureStep; index: number } => {
  const index = definition.steps.findIndex((s) => s.id === id);
  const step = definition.steps[index];
  if (!step) throw new AppError("conflict", `the procedure has no step "${id}"`);
  return { step, index };
};

/** Where a step goes on: its `next`, `end`, or the following step (null: the procedure is over). */
function following(definition: ProcedureDefinition, id: string, jump?: string): ProcedureStepOutcome {
  const { step, index } = stepOf(definition, id);
  const next = jump ?? step.next;
  if (next === PROCEDURE_END) return { kind: "next", next: null };
  return { kind: "next", next: next ?? definition.steps[index + 1]?.id ?? null };
}

const templateState = (data: RunData): TemplateState => ({
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
async function record(
  ctx: ServiceContext,
  loaded: LoadedRun,
  entry: { key: string; kind: string; output: Record<string, unknown>; outcome: ProcedureStepOutcome },
  changes: { data?: RunData; status?: string; handoff?: string } = {},
): Promise<ProcedureStepOutcome> {
  const { run } = loaded;
  const state =
    entry.outcome.kind === "stop" ? entry.outcome.state : entry.outcome.kind === "wait" ? "waiting" : "running";
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
    if (changes.handoff !== undefined) {
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
const recorded = (loaded: LoadedRun, key: string): ProcedureStepOutcome | undefined =>
  loaded.steps.find((s) => s.step === key)?.outcome;

const messageKey = (runId: string, key: string) => `procedure:${runId}:${key}`;

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
      const sent = await send(step.template, templateState(data));
      return record(ctx, loaded, { ...base, output: { sent }, outcome: following(definition, stepId) });
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
      const text = renderProcedureTemplate(definition, step.template, templateState(data));
      const override = data.classification.declaredSource
        ? `Attention: classified as ${data.classification.category} although the form declared ${data.classification.declaredSource}. `
        : "";
      const notification = await raiseNotification(ctx, {
        appId: run.appId,
        conversationId: run.conversationId,
        draftId: null,
        kind: "procedure",
        key: messageKey(runId, key),
        reason: `${override}${text}`,
      });
      const delivered = await deliverNotification(ctx, notification.id);
      const output = { notificationId: notification.id, slack: delivered.slackTs !== null, override: override !== "" };
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
  const message = (await listMessages(ctx.db, ctx.org.id, run.conversationId)).find((m) => m.id === messageId);
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
    const reading = interpretReply(message.text, { newFields });
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

/** The procedure ran to its end. */
export async function finishProcedureRun(ctx: ServiceContext, runId: string): Promise<ProcedureStepOutcome> {
  const loaded = await loadRun(ctx, runId);
  const done = recorded(loaded, "end");
  if (done) return done;
  return record(ctx, loaded, { key: "end", kind: "end", output: {}, outcome: { kind: "stop", state: "finished" } });
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
