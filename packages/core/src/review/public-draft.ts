import type { DraftCustomerView, DraftStatus, DraftsQuery, DraftView, Page } from "@support/contract";
import { type DraftRow, getDraft, listDrafts, listExecutionsForDraft } from "@support/db";
import type { DraftAction } from "../drafting/draft-actions.js";
import { type ExecutionView, executionView } from "../integrations/actions.js";
import type { ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import { requireApp } from "../tenancy/apps.js";

/**
 * A draft as the API, CLI, dashboard and Slack show it: text, citations, gates and the decision
 * that explains it; the product app's data on the customer with the calls that failed (for the
 * approver); the proposed actions and, once run, their executions.
 */
export function publicDraft(d: DraftRow, executions: ExecutionView[] = []): DraftView {
  return {
    id: d.id,
    appId: d.appId,
    conversationId: d.conversationId,
    messageId: d.messageId,
    status: d.status as DraftStatus,
    category: d.category,
    text: d.text,
    sentText: d.sentText,
    citations: d.citations as DraftView["citations"],
    triage: d.triage as Record<string, unknown>,
    gates: d.gates as DraftView["gates"],
    decision: d.decision as Record<string, unknown>,
    usage: d.usage as Record<string, unknown>[],
    traceId: d.traceId,
    deliveryId: d.deliveryId,
    decidedBy: d.decidedBy,
    decidedVia: d.decidedVia,
    decidedAt: d.decidedAt?.toISOString() ?? null,
    reason: d.reason,
    // Stored as the gather step returned it (`CustomerRecord`); the view only promises its outline.
    customer: (d.customer as DraftCustomerView | null) ?? null,
    actions: (d.actions as DraftAction[] | null) ?? [],
    executions,
    createdAt: d.createdAt.toISOString(),
  };
}

async function withExecutions(ctx: ServiceContext, d: DraftRow): Promise<DraftView> {
  const rows = await listExecutionsForDraft(ctx.db, ctx.org.id, d.id);
  return publicDraft(d, rows.map(executionView));
}

/** The draft with its action executions, or undefined when the organization has no such draft. */
export async function findDraftView(ctx: ServiceContext, draftId: string): Promise<DraftView | undefined> {
  const row = await getDraft(ctx.db, ctx.org.id, draftId);
  return row && withExecutions(ctx, row);
}

/** The draft with its action executions; any member may read it. */
export async function draftView(ctx: ServiceContext, draftId: string): Promise<DraftView> {
  const view = await findDraftView(ctx, draftId);
  if (!view) throw new AppError("not_found", `draft "${draftId}" not found`);
  return view;
}

/** The organization's drafts, newest first, by app (id or slug), status and conversation; any member. */
export async function listDraftViews(ctx: ServiceContext, query: DraftsQuery): Promise<Page<DraftView>> {
  const appId = query.app ? (await requireApp(ctx, query.app)).id : undefined;
  const page = await listDrafts(
    ctx.db,
    ctx.org.id,
    { appId, status: query.status, conversationId: query.conversation },
    { limit: query.limit, cursor: query.cursor },
  );
  return { data: await Promise.all(page.data.map((d) => withExecutions(ctx, d))), nextCursor: page.nextCursor };
}
