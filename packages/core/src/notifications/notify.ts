import type { AttentionKind } from "@support/contract";
import {
  appSettings,
  claimNotification,
  getApp,
  getDraft,
  getNotification,
  listSlackConfigs,
  markNotificationPosted,
  type NewNotification,
  type NotificationRow,
} from "@support/db";
import { emit } from "../events.js";
import { OPEN_STATUSES } from "../review/decisions.js";
import { commitChange } from "../service/change.js";
import type { ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import type { Platform } from "../service/ports.js";

/** A notification to raise in the context's organization. */
export type NotificationInput = Omit<NewNotification, "orgId">;

interface DraftEvent {
  appId: string;
  conversationId: string;
  draftId: string;
}

/** The reminder for a draft past its SLA; undefined once the draft was decided (nothing to remind of). */
export async function reminderNotification(
  ctx: ServiceContext,
  event: DraftEvent,
): Promise<NotificationInput | undefined> {
  const draft = await getDraft(ctx.db, ctx.org.id, event.draftId);
  if (!draft || !OPEN_STATUSES.includes(draft.status)) return undefined;
  const app = await getApp(ctx.db, ctx.org.id, event.appId);
  const sla = app ? appSettings(app).approvalSlaHours : undefined;
  return {
    ...ids(event),
    kind: "approval_reminder",
    key: `reminder:${event.draftId}`,
    reason: `A draft has waited for approval longer than the ${sla === undefined ? "app's" : `${sla}-hour`} SLA.`,
  };
}

/** A conversation handed to a person: by the SLA, by triage, by a teammate, or by a rejection. */
export async function escalationNotification(
  ctx: ServiceContext,
  event: Omit<DraftEvent, "draftId"> & { draftId?: string },
): Promise<NotificationInput> {
  const draft = event.draftId ? await getDraft(ctx.db, ctx.org.id, event.draftId) : undefined;
  const by = draft?.decidedBy ?? "someone";
  const reason =
    draft?.status === "rejected"
      ? `The draft was rejected by ${by} (${draft.reason ?? "no reason"}): the customer needs a reply from a person.`
      : `Needs a person: ${draft?.reason ?? "escalated"} (escalated by ${by}).`;
  return {
    ...ids(event),
    kind: "escalation",
    key: `escalation:${event.draftId ?? event.conversationId}`,
    reason,
  };
}

/** An approved reply the channel refused after its last retry: the customer has no answer. */
export async function replyFailedNotification(ctx: ServiceContext, event: DraftEvent): Promise<NotificationInput> {
  const draft = await getDraft(ctx.db, ctx.org.id, event.draftId);
  return {
    ...ids(event),
    kind: "reply_failed",
    key: `reply_failed:${event.draftId}`,
    reason: `The reply could not be sent (${draft?.reason ?? "the channel refused it"}): resend it or answer in the channel.`,
  };
}

const ids = (event: Omit<DraftEvent, "draftId"> & { draftId?: string }) => ({
  appId: event.appId,
  conversationId: event.conversationId,
  draftId: event.draftId ?? null,
});

/**
 * Records a notification once per key and, the first time, announces it on the event bus (the
 * dashboard's live stream) in the same transaction. A retry returns the stored row.
 */
export async function raiseNotification(ctx: ServiceContext, input: NotificationInput): Promise<NotificationRow> {
  const orgId = ctx.org.id;
  return commitChange(ctx, async (tx, log) => {
    const { notification, created } = await claimNotification(tx, { ...input, orgId });
    if (!created) return notification;
    await log.audit({
      action: "notification.created",
      subject: input.draftId ?? input.conversationId ?? notification.id,
      data: { kind: input.kind, notificationId: notification.id },
    });
    await log.emit("support/notification.created", {
      v: 1,
      orgId,
      notificationId: notification.id,
      kind: input.kind as AttentionKind,
      ...(input.appId ? { appId: input.appId } : {}),
      ...(input.conversationId ? { conversationId: input.conversationId } : {}),
      ...(input.draftId ? { draftId: input.draftId } : {}),
    });
    return notification;
  });
}

export interface Delivered {
  notificationId: string;
  slackTs: string | null;
  /** false when it was posted before (a retry) or nothing was posted (no Slack). */
  postedNow: boolean;
}

/**
 * Tells people through the notifier, once: the Slack message is recorded on the notification, so
 * a retried step finds it and posts nothing. A Slack error throws, and the engine retries.
 */
export async function deliverNotification(ctx: ServiceContext, notificationId: string): Promise<Delivered> {
  const notification = await getNotification(ctx.db, ctx.org.id, notificationId);
  if (!notification) throw new AppError("not_found", `notification "${notificationId}" not found`);
  if (notification.slackTs) return { notificationId, slackTs: notification.slackTs, postedNow: false };
  const posted = await ctx.ports.notifier.post(ctx, notification);
  if (!posted) return { notificationId, slackTs: null, postedNow: false };
  await markNotificationPosted(ctx.db, ctx.org.id, notificationId, posted);
  return { notificationId, slackTs: posted.ts, postedNow: true };
}

/**
 * Fans the daily summary out over every organization with Slack configured: one
 * `support/summary.due` each, all in one transaction. Each organization's summary then runs (and
 * fails, and retries) on its own, so one revoked token cannot hold back the others.
 */
export async function requestDailySummaries(platform: Platform, day: string): Promise<string[]> {
  const orgIds = await platform.db.transaction(async (tx) => {
    const configured = (await listSlackConfigs(tx)).map((row) => row.orgId);
    for (const orgId of configured) await emit(tx, "support/summary.due", { v: 1, orgId, day });
    return configured;
  });
  if (orgIds.length > 0) platform.ports.wake();
  return orgIds;
}

/**
 * Posts the organization's daily summary for `day` (YYYY-MM-DD, UTC) at most once: the summary is
 * recorded as a notification keyed by the day, with the Slack message once posted.
 */
export async function postDailySummaryOnce(ctx: ServiceContext, day: string, now = new Date()): Promise<Delivered> {
  const orgId = ctx.org.id;
  const { notification } = await claimNotification(ctx.db, {
    orgId,
    appId: null,
    kind: "daily_summary",
    key: `summary:${day}`,
    draftId: null,
    conversationId: null,
    reason: `Daily summary for ${day}`,
  });
  if (notification.slackTs) return { notificationId: notification.id, slackTs: notification.slackTs, postedNow: false };
  const posted = await ctx.ports.notifier.postDailySummary(ctx, now);
  if (!posted) return { notificationId: notification.id, slackTs: null, postedNow: false };
  await markNotificationPosted(ctx.db, orgId, notification.id, posted);
  return { notificationId: notification.id, slackTs: posted.ts, postedNow: true };
}
