import type { WorkflowClient } from "@support/engine";
import { messageDecidedBeforeWait, takeMessageDecision } from "../procedures/run-approval.js";
import type { ProcedureStepOutcome } from "../procedures/run-record.js";
import {
  expireProcedureWait,
  remindProcedureCustomer,
  replyBeforeWait,
  takeProcedureReply,
} from "../procedures/run-waits.js";
import { executeProcedureStep, finishProcedureRun, firstProcedureStep } from "../procedures/runner.js";
import { serviceContext, WORKFLOW } from "../service/context.js";
import type { Platform } from "../service/ports.js";
import { conversationConcurrency } from "./concurrency.js";
import { supportEvents } from "./event-types.js";

const received = supportEvents["support/message.received"];
const decidedEvent = supportEvents["support/procedure.message_decided"];
/** The decision on this run's message draft. */
const SAME_RUN = "async.data.runId == event.data.runId";
/** The customer's next message on the run's conversation. */
const CUSTOMER_REPLY =
  "async.data.conversationId == event.data.conversationId && async.data.direction == 'inbound' && async.data.authorKind == 'customer'";
/** A bound on the steps of one run: a definition that loops without waiting fails instead of spinning. */
const MAX_STEPS = 200;

const seconds = (hours: number) => `${Math.max(1, Math.round(hours * 3600))}s`;

/**
 * One procedure run, durably (ADR 0110): each step of the definition is a `step.run` keyed by its
 * id (and its visit), so what it sent, created or notified is memoized; a wait for the customer
 * is a `step.waitForEvent` on the conversation's next customer message with the step's timeout,
 * the reminder a second wait after it, and silence hands the conversation to a person. The run
 * reads the procedure version it started with, whatever was saved since.
 */
export function runProcedure(inngest: WorkflowClient, platform: Platform) {
  return inngest.createFunction(
    {
      id: "run-procedure",
      retries: 5,
      concurrency: conversationConcurrency(),
      triggers: [{ event: supportEvents["support/procedure.started"] }],
    },
    async ({ event, step }) => {
      const ctx = serviceContext(platform, event.data.orgId, WORKFLOW);
      const { runId } = event.data;
      const visits = new Map<string, number>();
      let current = await step.run("first-step", () => firstProcedureStep(ctx, runId));
      for (let taken = 0; current !== null; taken++) {
        if (taken >= MAX_STEPS) throw new Error(`procedure run ${runId} took ${MAX_STEPS} steps without ending`);
        const stepId: string = current;
        const visit = (visits.get(stepId) ?? 0) + 1;
        visits.set(stepId, visit);
        const key = visit === 1 ? stepId : `${stepId}-${visit}`;
        let outcome: ProcedureStepOutcome = await step.run(key, () => executeProcedureStep(ctx, runId, stepId, key));
        if (outcome.kind === "wait") {
          const wait = outcome;
          const settled = await step.run(`${key}:early`, () => replyBeforeWait(ctx, runId, key));
          let messageId = settled && "messageId" in settled ? settled.messageId : undefined;
          if (!settled) {
            const reply = await step.waitForEvent(`${key}:wait`, {
              event: received,
              timeout: seconds(wait.reminderAfterHours ?? wait.timeoutHours),
              if: CUSTOMER_REPLY,
            });
            messageId = reply?.data.messageId;
            if (!reply && wait.reminderAfterHours !== null) {
              await step.run(`${key}:remind`, () => remindProcedureCustomer(ctx, runId, stepId, key));
              const later = await step.waitForEvent(`${key}:wait-after-reminder`, {
                event: received,
                timeout: seconds(Math.max(wait.timeoutHours - wait.reminderAfterHours, 0.01)),
                if: CUSTOMER_REPLY,
              });
              messageId = later?.data.messageId;
            }
          }
          outcome = await step.run(`${key}:answer`, () =>
            messageId
              ? takeProcedureReply(ctx, runId, stepId, key, messageId)
              : expireProcedureWait(ctx, runId, key, wait.timeoutHours),
          );
        }
        if (outcome.kind === "approval") {
          const approval = outcome;
          const decided = await step.run(`${key}:decided`, () => messageDecidedBeforeWait(ctx, runId, key));
          if (!decided) {
            await step.waitForEvent(`${key}:wait-decision`, {
              event: decidedEvent,
              timeout: seconds(approval.timeoutHours),
              if: SAME_RUN,
            });
          }
          outcome = await step.run(`${key}:decision`, () => takeMessageDecision(ctx, runId, stepId, key));
        }
        if (outcome.kind === "stop") return { runId, state: outcome.state };
        if (outcome.kind === "next") current = outcome.next;
      }
      const finished = await step.run("end", () => finishProcedureRun(ctx, runId));
      return { runId, state: finished.kind === "stop" ? finished.state : "finished" };
    },
  );
}
