import type { WorkflowFactory } from "@support/engine";
import { dailySummary } from "./daily-summary.js";
import { draftOnMessage } from "./draft-on-message.js";
import { learnOnReply } from "./learn-on-reply.js";
import { notifyEscalation } from "./notify-escalation.js";
import { notifyReminder } from "./notify-reminder.js";
import { notifyReplyFailed } from "./notify-reply-failed.js";
import type { PipelineContext } from "./pipeline-context.js";
import { postDailySummary } from "./post-daily-summary.js";
import { sendOnApproval } from "./send-on-approval.js";
import { sweep } from "./sweep.js";
import { teammateReply } from "./teammate-reply.js";

export type { PipelineContext } from "./pipeline-context.js";

/** The product's workflow functions, one file each, over the pipeline's services. */
export function pipelineWorkflows(context: PipelineContext): WorkflowFactory {
  return (inngest) => [
    draftOnMessage(inngest, context),
    teammateReply(inngest, context),
    sendOnApproval(inngest, context),
    learnOnReply(inngest, context),
    sweep(inngest, context),
    notifyReminder(inngest, context),
    notifyEscalation(inngest, context),
    notifyReplyFailed(inngest, context),
    dailySummary(inngest, context),
    postDailySummary(inngest, context),
  ];
}
