import type { WorkflowFactory } from "@support/engine";
import type { Platform } from "../service/ports.js";
import { dailySummary } from "./daily-summary.js";
import { draftOnMessage } from "./draft-on-message.js";
import { learnOnReply } from "./learn-on-reply.js";
import { noteOnMessage } from "./note-on-message.js";
import { notifyEscalation } from "./notify-escalation.js";
import { notifyReminder } from "./notify-reminder.js";
import { notifyReplyFailed } from "./notify-reply-failed.js";
import { postDailySummary } from "./post-daily-summary.js";
import { processKnowledgeSource } from "./process-knowledge-source.js";
import { relayProcedureDecisionFn } from "./relay-procedure-decision.js";
import { runProcedure } from "./run-procedure.js";
import { sellOnMessage } from "./sell-on-message.js";
import { sendOnApproval } from "./send-on-approval.js";
import { sweep } from "./sweep.js";
import { teammateReply } from "./teammate-reply.js";
import { tellCustomerOnEscalation } from "./tell-customer-on-escalation.js";

/**
 * The product's workflow functions, one file each. The pipeline is the chain among them from a
 * received message to a sent reply (draft-on-message, send-on-approval); the others record,
 * learn, sweep and notify.
 */
export function workflowFunctions(platform: Platform): WorkflowFactory {
  return (inngest) => [
    draftOnMessage(inngest, platform),
    teammateReply(inngest, platform),
    sendOnApproval(inngest, platform),
    learnOnReply(inngest, platform),
    sweep(inngest, platform),
    notifyReminder(inngest, platform),
    notifyEscalation(inngest, platform),
    notifyReplyFailed(inngest, platform),
    dailySummary(inngest, platform),
    postDailySummary(inngest, platform),
    processKnowledgeSource(inngest, platform),
    tellCustomerOnEscalation(inngest, platform),
    runProcedure(inngest, platform),
    sellOnMessage(inngest, platform),
    relayProcedureDecisionFn(inngest, platform),
    noteOnMessage(inngest, platform),
  ];
}
