import { loadPublicDraft, loadSlackConnection, type SlackConnection } from "@support/core";
import { getContact, getConversation, getDraft, getSlackCard, insertSlackCard, setSlackCardShown } from "@support/db";
import { approvalCard, type CardContext, decidedCard } from "./card.js";
import type { SlackDeps } from "./deps.js";

/** The org's connection, or undefined (logged) when Slack is not configured: approvals stay in the dashboard. */
export async function connectionFor(deps: SlackDeps, orgId: string): Promise<SlackConnection | undefined> {
  const connection = await loadSlackConnection(deps.database.db, deps.secrets, orgId);
  if (!connection) deps.logger.info({ orgId }, "Slack not configured");
  return connection;
}

export async function cardContext(deps: SlackDeps, orgId: string, draftId: string): Promise<CardContext | undefined> {
  const { db } = deps.database;
  const row = await getDraft(db, orgId, draftId);
  if (!row) return undefined;
  const conversation = await getConversation(db, orgId, row.conversationId);
  const contact = conversation ? await getContact(db, orgId, conversation.contactId) : undefined;
  return {
    draft: await loadPublicDraft(db, row),
    customer: contact?.name ?? contact?.email ?? contact?.phone ?? "A customer",
    subject: conversation?.subject ?? null,
    dashboardUrl: `${deps.publicUrl}/drafts/${row.id}`,
  };
}

/**
 * Posts the approval card for a draft (once: a re-published event finds the stored card) and
 * remembers where it is, so a decision taken anywhere can update it. A draft asking again (its
 * approved action failed, so it is back to pending) gets its card reopened instead.
 */
export async function postApprovalCard(deps: SlackDeps, input: { orgId: string; appId: string; draftId: string }) {
  const connection = await connectionFor(deps, input.orgId);
  if (!connection || (connection.appId && connection.appId !== input.appId)) return undefined;
  if (await getSlackCard(deps.database.db, input.orgId, input.draftId)) {
    await refreshApprovalCard(deps, input.orgId, input.draftId);
    return undefined;
  }
  const ctx = await cardContext(deps, input.orgId, input.draftId);
  if (!ctx) return undefined;
  const open = ctx.draft.status === "pending_approval" || ctx.draft.status === "declined";
  const message = open ? approvalCard(ctx) : decidedCard(ctx);
  const posted = await deps.slackApi(connection).postMessage({ channel: connection.channelId, ...message });
  return insertSlackCard(deps.database.db, {
    orgId: input.orgId,
    draftId: input.draftId,
    channelId: posted.channel,
    ts: posted.ts,
    shownStatus: ctx.draft.status,
  });
}

/** Brings the card up to date with the draft (who decided, the result); no call when it already shows it. */
export async function refreshApprovalCard(deps: SlackDeps, orgId: string, draftId: string): Promise<boolean> {
  const card = await getSlackCard(deps.database.db, orgId, draftId);
  if (!card) return false;
  const ctx = await cardContext(deps, orgId, draftId);
  if (!ctx || ctx.draft.status === card.shownStatus) return false;
  const connection = await connectionFor(deps, orgId);
  if (!connection) return false;
  const open = ctx.draft.status === "pending_approval" || ctx.draft.status === "declined";
  const message = open ? approvalCard(ctx) : decidedCard(ctx);
  await deps.slackApi(connection).update({ channel: card.channelId, ts: card.ts, ...message });
  await setSlackCardShown(deps.database.db, orgId, draftId, ctx.draft.status);
  return true;
}
