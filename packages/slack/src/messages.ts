import { shadowByCategory } from "@support/core";
import { getConversation, getDraft, getSlackCard, listApps, slackSummaryCounts } from "@support/db";
import { escapeMrkdwn } from "./card.js";
import { connectionFor } from "./cards.js";
import type { SlackDeps } from "./deps.js";

/*
 * Messages the notification functions send through the Slack notifier (`notifier.ts`). Each
 * returns what it posted (or undefined when there was nothing to say or Slack is not
 * configured), so the caller can record it and never post it twice.
 */

export interface PostedMessage {
  channel: string;
  ts: string;
  text: string;
}

/** A nudge in the card's thread while a draft still waits; nothing once it is decided. */
export async function postApprovalReminder(
  deps: SlackDeps,
  orgId: string,
  draftId: string,
  now = new Date(),
): Promise<PostedMessage | undefined> {
  const draft = await getDraft(deps.database.db, orgId, draftId);
  if (!draft || !["pending_approval", "declined"].includes(draft.status)) return undefined;
  const card = await getSlackCard(deps.database.db, orgId, draftId);
  const connection = card && (await connectionFor(deps, orgId));
  if (!card || !connection) return undefined;
  const minutes = Math.max(1, Math.round((now.getTime() - draft.createdAt.getTime()) / 60_000));
  const text = `:hourglass: Still waiting for approval after ${minutes} min. <${deps.publicUrl}/drafts/${draftId}|Open in dashboard>`;
  const posted = await deps.slackApi(connection).postMessage({ channel: card.channelId, text, threadTs: card.ts });
  return { ...posted, text };
}

/** Tells the channel a conversation needs a person (an SLA breach, a customer asking for one). */
export async function postEscalationMessage(
  deps: SlackDeps,
  orgId: string,
  input: { conversationId: string; reason: string },
): Promise<PostedMessage | undefined> {
  const conversation = await getConversation(deps.database.db, orgId, input.conversationId);
  const connection = conversation && (await connectionFor(deps, orgId));
  if (!conversation || !connection) return undefined;
  const subject = escapeMrkdwn(conversation.subject ?? "(no subject)");
  const text = `:rotating_light: Escalated: *${subject}*. ${escapeMrkdwn(input.reason)} <${deps.publicUrl}/conversations/${conversation.id}|Open the conversation>`;
  const posted = await deps.slackApi(connection).postMessage({ channel: connection.channelId, text });
  return { ...posted, text };
}

/** An approved reply the channel refused after its retries: said in the channel, with the way to the draft. */
export async function postReplyFailedMessage(
  deps: SlackDeps,
  orgId: string,
  input: { draftId: string; reason: string },
): Promise<PostedMessage | undefined> {
  const connection = await connectionFor(deps, orgId);
  if (!connection) return undefined;
  const text = `:x: A reply was not sent. ${escapeMrkdwn(input.reason)} <${deps.publicUrl}/drafts/${input.draftId}|Open the draft>`;
  const posted = await deps.slackApi(connection).postMessage({ channel: connection.channelId, text });
  return { ...posted, text };
}

export interface DailySummary {
  /** Customer messages received in the last 24 hours. */
  received: number;
  pendingApprovals: number;
  /** Of the drafts autonomy would have sent, the share humans sent unchanged; null before any. */
  autoSendPrecision: number | null;
}

export async function dailySummaryFigures(deps: SlackDeps, orgId: string, now = new Date()): Promise<DailySummary> {
  const { db } = deps.database;
  const counts = await slackSummaryCounts(db, orgId, new Date(now.getTime() - 24 * 3600_000));
  let right = 0;
  let wouldAutoSend = 0;
  for (const app of (await listApps(db, orgId, { limit: 100 })).data) {
    for (const category of await shadowByCategory(db, orgId, app.id)) {
      right += category.right;
      wouldAutoSend += category.wouldAutoSend;
    }
  }
  return { ...counts, autoSendPrecision: wouldAutoSend === 0 ? null : right / wouldAutoSend };
}

/** The daily summary: volume, pending approvals and auto-send precision, to the summary channel. */
export async function postDailySummary(
  deps: SlackDeps,
  orgId: string,
  now = new Date(),
): Promise<(PostedMessage & { figures: DailySummary }) | undefined> {
  const connection = await connectionFor(deps, orgId);
  if (!connection) return undefined;
  const figures = await dailySummaryFigures(deps, orgId, now);
  const precision =
    figures.autoSendPrecision === null
      ? "no would-auto-send drafts yet"
      : `${Math.round(figures.autoSendPrecision * 100)}%`;
  const text = [
    "*Daily support summary*",
    `• Customer messages (24 h): ${figures.received}`,
    `• Drafts waiting for approval: ${figures.pendingApprovals} <${deps.publicUrl}/drafts|review queue>`,
    `• Auto-send precision: ${precision}`,
  ].join("\n");
  const posted = await deps.slackApi(connection).postMessage({ channel: connection.summaryChannelId, text });
  return { ...posted, text, figures };
}
