import { type DraftRow, getDraft, listExecutionsForDraft, transitionDraft } from "@support/db";
import type { DraftAction } from "../drafting/draft-actions.js";
import { type ExecutionView, executionSummary, executionView } from "../integrations/actions.js";
import { loadIntegration } from "../integrations/integrations.js";
import { performDraftAction } from "../integrations/perform.js";
import { approverRoleFor, parsePolicy } from "../integrations/policy.js";
import { commitChange } from "../service/change.js";
import { requireRole, type ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";

export function draftActions(draft: DraftRow): DraftAction[] {
  return (draft.actions as DraftAction[] | null) ?? [];
}

/**
 * Marks which proposed actions an approval runs: exactly the ids given (`[]` approves the reply
 * alone). Nothing runs that the approver did not name: an approval of a draft with proposed
 * actions that names none is refused, whatever the surface (ADR 0090). An unknown id is the
 * approver's mistake, not ignored.
 */
export function approveActions(actions: DraftAction[], ids: string[] | undefined): DraftAction[] {
  if (ids === undefined && actions.length > 0) {
    const listed = actions.map((a) => `${a.id} (${a.reason})`).join("; ");
    throw new AppError(
      "invalid_input",
      `actions: this draft proposes ${listed}; name the ones to run (actions: ["a1", ...]) or none (actions: [])`,
    );
  }
  const unknown = ids?.filter((id) => !actions.some((a) => a.id === id)) ?? [];
  if (unknown.length) throw new AppError("invalid_input", `actions: no proposed action ${unknown.join(", ")}`);
  return actions.map((a) => ({ ...a, approved: ids?.includes(a.id) ?? false }));
}

/**
 * Refuses an approval that would run an action above the approver's role: the app's policy
 * names the lowest role for each risk class (ADR 0101). The approver may still approve the
 * reply without that action (`actions: []`, or the ids of the others).
 */
export async function requireApproverRole(ctx: ServiceContext, appId: string, actions: DraftAction[]): Promise<void> {
  const approved = actions.filter((a) => a.approved);
  if (approved.length === 0) return;
  const integration = await loadIntegration({ db: ctx.db, secrets: ctx.ports.secrets }, ctx.org.id, appId);
  const policy = integration?.policy ?? parsePolicy(undefined);
  for (const action of approved) {
    const needed = approverRoleFor(policy, action.risk);
    try {
      requireRole(ctx, needed);
    } catch {
      throw new AppError(
        "forbidden",
        `approving ${action.action} (${action.id}) needs the ${needed} role under the app's action policy; approve the reply without it (actions: [])`,
      );
    }
  }
}

export type ActionsRun =
  | { kind: "done"; executions: ExecutionView[] }
  | { kind: "failed"; execution: ExecutionView }
  | { kind: "not_approved"; status: string };

/**
 * Runs the approved actions of an approved draft, one after another, each exactly once (see
 * `executeOnce`): a retried step or a duplicate approval gets the recorded executions back. The
 * first failure stops the run. An execution another attempt claimed but never finished (a crash
 * mid-call) is an error, so the workflow retries and then dead-letters it rather than send a
 * reply that may not be true.
 */
export async function runApprovedActions(ctx: ServiceContext, draftId: string): Promise<ActionsRun> {
  const orgId = ctx.org.id;
  const draft = await getDraft(ctx.db, orgId, draftId);
  if (!draft) throw new AppError("not_found", `draft "${draftId}" not found`);
  if (draft.status !== "approved") return { kind: "not_approved", status: draft.status };
  const executions: ExecutionView[] = [];
  for (const action of draftActions(draft).filter((a) => a.approved)) {
    const { execution } = await performDraftAction(ctx, { appId: draft.appId, draftId }, action);
    if (execution.status === "running") {
      throw new Error(`action ${action.id} (${action.action}) was started by an earlier attempt and has no result`);
    }
    if (execution.status === "failed") return { kind: "failed", execution };
    executions.push(execution);
  }
  return { kind: "done", executions };
}

/**
 * A failed action means the reply must not go out (it would promise what did not happen): the
 * draft goes back to a person with the error, through the same approval request as a new draft.
 * The failed execution stays recorded, so approving again with the action fails again; the
 * approver approves without it (`actions: []`), edits, or rejects.
 */
export async function returnDraftAfterFailedAction(
  ctx: ServiceContext,
  draftId: string,
  failed: ExecutionView,
): Promise<void> {
  const orgId = ctx.org.id;
  await commitChange(ctx, async (tx, log) => {
    const reason = `not sent: ${failed.action} failed (${failed.error ?? "unknown error"})`;
    const { draft, changed } = await transitionDraft(tx, orgId, draftId, ["approved"], {
      status: "pending_approval",
      reason,
      decidedBy: null,
      decidedAt: null,
      decidedVia: null,
    });
    if (!changed || !draft) return;
    await log.audit({
      action: "action.failed",
      subject: draftId,
      traceId: draft.traceId,
      data: { action: failed.action, executionId: failed.id, error: failed.error },
    });
    await log.emit("support/approval.requested", {
      v: 1,
      orgId,
      appId: draft.appId,
      conversationId: draft.conversationId,
      draftId,
    });
  });
}

/**
 * The workflow's action step: runs the approved actions and, when one failed, hands the draft
 * back. Returns what the step records (JSON): how many ran, and the failure if any.
 */
export async function settleApprovedActions(
  ctx: ServiceContext,
  draftId: string,
): Promise<{ executed: number; failed: { action: string; error: string | null } | null }> {
  const run = await runApprovedActions(ctx, draftId);
  if (run.kind === "failed") {
    await returnDraftAfterFailedAction(ctx, draftId, run.execution);
    return { executed: 0, failed: { action: run.execution.action, error: run.execution.error } };
  }
  return { executed: run.kind === "done" ? run.executions.length : 0, failed: null };
}

/** The reply with what was done, told before the sign-off (the last paragraph). */
export async function withExecutionSummaries(ctx: ServiceContext, draftId: string, text: string): Promise<string> {
  const executions = await listExecutionsForDraft(ctx.db, ctx.org.id, draftId);
  const summaries = executions
    .map((e) => executionSummary(executionView(e)))
    .filter((s): s is string => Boolean(s) && !text.includes(s as string));
  if (summaries.length === 0) return text;
  const paragraphs = text.split(/\n{2,}/);
  if (paragraphs.length < 2) return [text, ...summaries].join("\n\n");
  return [...paragraphs.slice(0, -1), ...summaries, paragraphs.at(-1)].join("\n\n");
}
