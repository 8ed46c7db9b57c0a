import {
  type DailySummary,
  dailySummaryFigures,
  findConversationView,
  findDraftView,
  type ServiceContext,
  slackCardFor,
} from "@support/core";
import { escapeMrkdwn } from "./card.js";
import { connectionFor } from "./cards.js";
import type { SlackClient } from "./deps.js";

/*
 * Messages the notification functions send through the Slack notifier (`notifier.ts`), in the
 * organization of the context they are given. Each returns what it posted (or undefined when
 * there was nothing to say or Slack is not configured), so the caller can record it and never
 * post it twice.
 */

export interface PostedMessage {
  channel: string;
  ts: string;
  text: string;
}

/** A nudge in the card's thread while a draft still waits; nothing once it is decided. */
export async function postApprovalReminder(
  client: SlackClient,
  ctx: ServiceContext,
  draftId: string,
  now = new Date(),
): Promise<PostedMessage | undefined> {
  const draft = await findDraftView(ctx, draftId);
  if (!draft || !["pending_approval", "declined"].includes(draft.status)) return undefined;
  const card = await slackCardFor(ctx, draftId);
  const connection = card && (await connectionFor(client, ctx));
  if (!card || !connection) return undefined;
  const minutes = Math.max(1, Math.round((now.getTime() - Date.parse(draft.createdAt)) / 60_000));
  const text = `:hourglass: Still waiting for approval after ${minutes} min. <${ctx.ports.publicUrl}/drafts/${draftId}|Open in dashboard>`;
  const posted = await client.slackApi(connection).postMessage({ channel: card.channelId, text, threadTs: card.ts });
  return { ...posted, text };
}

/** Tells the channel a conversation needs a person (an SLA breach, a customer asking for one). */
export async function postEscalationMessage(
  client: SlackClient,
  ctx: ServiceContext,
  input: { conversationId: string; reason: string },
): Promise<PostedMessage | undefined> {
  const conversation = await findConversationView(ctx, input.conversationId);
  const connection = conversation && (await connectionFor(client, ctx));
  if (!conversation || !connection) return undefined;
  const subject = escapeMrkdwn(conversation.subject ?? "(no subject)");
  const text = `:rotating_light: Escalated: *${subject}*. ${escapeMrkdwn(input.reason)} <${ctx.ports.publicUrl}/conversations/${conversation.id}|Open the conversation>`;
  const posted = await client.slackApi(connection).postMessage({ channel: connection.channelId, text });
  return { ...posted, text };
}

/** An approved reply the channel refused after its retries: said in the channel, with the way to the draft. */
export async function postReplyFailedMessage(
  client: SlackClient,
  ctx: ServiceContext,
  input: { draftId: string; reason: string },
): Promise<PostedMessage | undefined> {
  const connection = await connectionFor(client, ctx);
  if (!connection) return undefined;
  const text = `:x: A reply was not sent. ${escapeMrkdwn(input.reason)} <${ctx.ports.publicUrl}/drafts/${input.draftId}|Open the draft>`;
  const posted = await client.slackApi(connection).postMessage({ channel: connection.channelId, text });
  return { ...posted, text };
}

/** The daily summary: volume, pending approvals and auto-send precision, to the summary channel. */
export async function postDailySummary(
  client: SlackClient,
  ctx: ServiceContext,
  now = new Date(),
): Promise<(PostedMessage & { figures: DailySummary }) | undefined> {
  const connection = await connectionFor(client, ctx);
  if (!connection) return undefined;
  const figures = await dailySummaryFigures(ctx, now);
  const precision =
    figures.autoSendPrecision === null
      ? "no would-auto-send drafts yet"
      : `${Math.round(figures.autoSendPrecision * 100)}%`;
  const text = [
    "*Daily support summary*",
    `• Customer messages (24 h): ${figures.received}`,
    `• Drafts waiting for approval: ${figures.pendingApprovals} <${ctx.ports.publicUrl}/drafts|review queue>`,
    `• Auto-send precision: ${precision}`,
  ].join("\n");
  const posted = await client.slackApi(connection).postMessage({ channel: connection.summaryChannelId, text });
  return { ...posted, text, figures };
}

/** A shop's order or a quote waiting for approval: the reason as worded, with the way to the conversation. */
export async function postShopMessage(
  client: SlackClient,
  ctx: ServiceContext,
  input: { conversationId: string; reason: string },
): Promise<PostedMessage | undefined> {
  const connection = await connectionFor(client, ctx);
  if (!connection) return undefined;
  const text = `:shopping_trolley: ${escapeMrkdwn(input.reason)} <${ctx.ports.publicUrl}/conversations/${input.conversationId}|Open the conversation>`;
  const posted = await client.slackApi(connection).postMessage({ channel: connection.channelId, text });
  return { ...posted, text };
}
