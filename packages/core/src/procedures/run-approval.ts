import { getDraft } from "@support/db";
import type { ServiceContext } from "../service/context.js";
import { messageDecision } from "./message-approval.js";
import { following, type LoadedRun, loadRun, type ProcedureStepOutcome, record, recorded } from "./run-record.js";

/**
 * The end of a message step's wait for its draft's decision (ADR 0113): sent, the run goes on;
 * rejected, expired, failed or still undecided at the timeout, a person takes the conversation.
 */

const draftOf = (loaded: LoadedRun, key: string): string | null => {
  const outcome = loaded.steps.find((s) => s.step === key)?.outcome;
  return outcome?.kind === "approval" ? outcome.draftId : null;
};

/** True when the wait is over already: the decision recorded, or the draft decided before the wait began. */
export async function messageDecidedBeforeWait(ctx: ServiceContext, runId: string, key: string): Promise<boolean> {
  const loaded = await loadRun(ctx, runId);
  if (recorded(loaded, `${key}:decision`)) return true;
  const draftId = draftOf(loaded, key);
  const draft = draftId ? await getDraft(ctx.db, ctx.org.id, draftId) : undefined;
  return !draft || messageDecision(draft.status) !== "open";
}

export async function takeMessageDecision(
  ctx: ServiceContext,
  runId: string,
  stepId: string,
  key: string,
): Promise<ProcedureStepOutcome> {
  const loaded = await loadRun(ctx, runId);
  const decisionKey = `${key}:decision`;
  const done = recorded(loaded, decisionKey);
  if (done) return done;
  const draftId = draftOf(loaded, key);
  const draft = draftId ? await getDraft(ctx.db, ctx.org.id, draftId) : undefined;
  const status = draft?.status ?? "missing";
  const base = { key: decisionKey, kind: "message" };
  if (messageDecision(status) === "sent") {
    return record(ctx, loaded, {
      ...base,
      output: { draftId, status },
      outcome: following(loaded.definition, stepId),
    });
  }
  const handoff =
    status === "pending_approval" || status === "declined" || status === "approved"
      ? "the message was not approved in time"
      : `the message was not sent (${status})`;
  return record(
    ctx,
    loaded,
    { ...base, output: { draftId, status, handoff }, outcome: { kind: "stop", state: "handed_off" } },
    // A rejection escalated the conversation itself; anything else is escalated here.
    { handoff, escalated: status === "rejected" },
  );
}
