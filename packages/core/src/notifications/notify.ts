import {
  appendAudit,
  appSettings,
  claimNotification,
  type Database,
  type Db,
  findAppForWebhook,
  getDraft,
  getNotification,
  listSlackConfigs,
  markNotificationPosted,
  type NewNotification,
  type NotificationRow,
} from "@support/db";
import { emit } from "../events.js";
import { AppError } from "../service/errors.js";
import type { Notifier } from "./notifier.js";

/** The kinds that ask a person to act; the daily summary only informs. */
export const ATTENTION_KINDS = ["approval_reminder", "escalation", "reply_failed"] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

interface DraftEvent {
  orgId: string;
  appId: string;
  conversationId: string;
  draftId: string;
}

const OPEN = ["pending_approval", "declined"];

/** The reminder for a draft past its SLA; undefined once the draft was decided (nothing to remind of). */
export async function reminderNotification(db: Db, event: DraftEvent): Promise<NewNotification | undefined> {
  const draft = await getDraft(db, event.orgId, event.draftId);
  if (!draft || !OPEN.includes(draft.status)) return undefined;
  const app = await findAppForWebhook(db, event.appId);
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
  db: Db,
  event: Omit<DraftEvent, "draftId"> & { draftId?: string },
): Promise<NewNotification> {
  const draft = event.draftId ? await getDraft(db, event.orgId, event.draftId) : undefined;
  const by = draft?.decidedBy ?? "someone";
  const reason =
    draft?.status === "rejected"
      ? `The draft was rejected by ${by} (${draft.reason ?? "no reason"}): the customer needs a reply from a person.`
      : `Needs a person: ${draft?.reason ?? "escalated"} (escalated by ${by}).`;
  return {
    ...ids(event),
    draftId: event.draftId ?? null,
    kind: "escalation",
    key: `escalation:${event.draftId ?? event.conversationId}`,
    reason,
  };
}

/** An approved reply the channel refused after its last retry: the customer has no answer. */
export async function replyFailedNotification(db: Db, event: DraftEvent): Promise<NewNotification> {
  const draft = await getDraft(db, event.orgId, event.draftId);
  return {
    ...ids(event),
    kind: "reply_failed",
    key: `reply_failed:${event.draftId}`,
    reason: `The reply could not be sent (${draft?.reason ?? "the channel refused it"}): resend it or answer in the channel.`,
  };
}

const ids = (event: Omit<DraftEvent, "draftId"> & { draftId?: string }) => ({
  orgId: event.orgId,
  appId: event.appId,
  conversationId: event.conversationId,
  draftId: event.draftId ?? null,
});

/**
 * Records a notification once per key and, the first time, announces it on the event bus (the
 * dashboard's live stream) in the same transaction. A retry returns the stored row.
 */
export async function raiseNotification(database: Database, input: NewNotification): Promise<NotificationRow> {
  return database.transaction(async (tx) => {
    const { notification, created } = await claimNotification(tx, input);
    if (!created) return notification;
    await appendAudit(tx, input.orgId, {
      actor: "pipeline",
      action: "notification.created",
      subject: input.draftId ?? input.conversationId ?? notification.id,
      data: { kind: input.kind, notificationId: notification.id },
    });
    await emit(tx, "support/notification.created", {
      v: 1,
      orgId: input.orgId,
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
export async function deliverNotification(
  database: Database,
  notifier: Notifier,
  orgId: string,
  notificationId: string,
): Promise<Delivered> {
  const notification = await getNotification(database.db, orgId, notificationId);
  if (!notification) throw new AppError("not_found", `notification "${notificationId}" not found`);
  if (notification.slackTs) return { notificationId, slackTs: notification.slackTs, postedNow: false };
  const posted = await notifier.post(notification);
  if (!posted) return { notificationId, slackTs: null, postedNow: false };
  await markNotificationPosted(database.db, orgId, notificationId, posted);
  return { notificationId, slackTs: posted.ts, postedNow: true };
}

/**
 * Fans the daily summary out: one `support/summary.due` per organization with Slack configured,
 * all in one transaction. Each organization's summary then runs (and fails, and retries) on its
 * own, so one revoked token cannot hold back the others.
 */
export async function requestDailySummaries(database: Database, day: string): Promise<string[]> {
  return database.transaction(async (tx) => {
    const orgIds = (await listSlackConfigs(tx)).map((row) => row.orgId);
    for (const orgId of orgIds) await emit(tx, "support/summary.due", { v: 1, orgId, day });
    return orgIds;
  });
}

/**
 * Posts an organization's daily summary for `day` (YYYY-MM-DD, UTC) at most once: the summary is
 * recorded as a notification keyed by the day, with the Slack message once posted.
 */
export async function postDailySummaryOnce(
  database: Database,
  notifier: Notifier,
  orgId: string,
  day: string,
  now = new Date(),
): Promise<Delivered> {
  const { notification } = await claimNotification(database.db, {
    orgId,
    appId: null,
    kind: "daily_summary",
    key: `summary:${day}`,
    draftId: null,
    conversationId: null,
    reason: `Daily summary for ${day}`,
  });
  if (notification.slackTs) return { notificationId: notification.id, slackTs: notification.slackTs, postedNow: false };
  const posted = await notifier.postDailySummary(orgId, now);
  if (!posted) return { notificationId: notification.id, slackTs: null, postedNow: false };
  await markNotificationPosted(database.db, orgId, notification.id, posted);
  return { notificationId: notification.id, slackTs: posted.ts, postedNow: true };
}
