import {
  loadSlackConnection,
  markSlackCardShown,
  rememberSlackCard,
  reviewCard,
  type ServiceContext,
  type SlackConnection,
  slackCardFor,
} from "@support/core";
import { approvalCard, type CardContext, decidedCard } from "./card.js";
import type { SlackClient } from "./deps.js";

/** The org's connection, or undefined (logged) when Slack is not configured: approvals stay in the dashboard. */
export async function connectionFor(client: SlackClient, ctx: ServiceContext): Promise<SlackConnection | undefined> {
  const connection = await loadSlackConnection(ctx.db, ctx.ports.secrets, ctx.org.id);
  if (!connection) client.logger.info({ orgId: ctx.org.id }, "Slack not configured");
  return connection;
}

export async function cardContext(ctx: ServiceContext, draftId: string): Promise<CardContext | undefined> {
  const card = await reviewCard(ctx, draftId);
  return card && { ...card, dashboardUrl: `${ctx.ports.publicUrl}/drafts/${card.draft.id}` };
}

const isOpen = (status: string) => status === "pending_approval" || status === "declined";

/**
 * Posts the approval card for a draft (once: a re-published event finds the stored card) and
 * remembers where it is, so a decision taken anywhere can update it. A draft asking again (its
 * approved action failed, so it is back to pending) gets its card reopened instead.
 */
export async function postApprovalCard(
  client: SlackClient,
  ctx: ServiceContext,
  input: { appId: string; draftId: string },
) {
  const connection = await connectionFor(client, ctx);
  if (!connection || (connection.appId && connection.appId !== input.appId)) return undefined;
  if (await slackCardFor(ctx, input.draftId)) {
    await refreshApprovalCard(client, ctx, input.draftId);
    return undefined;
  }
  const card = await cardContext(ctx, input.draftId);
  if (!card) return undefined;
  const message = isOpen(card.draft.status) ? approvalCard(card) : decidedCard(card);
  const posted = await client.slackApi(connection).postMessage({ channel: connection.channelId, ...message });
  return rememberSlackCard(ctx, {
    draftId: input.draftId,
    channelId: posted.channel,
    ts: posted.ts,
    shownStatus: card.draft.status,
  });
}

/** Brings the card up to date with the draft (who decided, the result); no call when it already shows it. */
export async function refreshApprovalCard(client: SlackClient, ctx: ServiceContext, draftId: string): Promise<boolean> {
  const posted = await slackCardFor(ctx, draftId);
  if (!posted) return false;
  const card = await cardContext(ctx, draftId);
  if (!card || card.draft.status === posted.shownStatus) return false;
  const connection = await connectionFor(client, ctx);
  if (!connection) return false;
  const message = isOpen(card.draft.status) ? approvalCard(card) : decidedCard(card);
  await client.slackApi(connection).update({ channel: posted.channelId, ts: posted.ts, ...message });
  await markSlackCardShown(ctx, draftId, card.draft.status);
  return true;
}
