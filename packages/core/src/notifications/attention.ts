import { appendAudit, type Db, dismissNotification, getDraft, listOpenNotifications } from "@support/db";
import { AppError } from "../service/errors.js";
import { ATTENTION_KINDS, type AttentionKind } from "./notify.js";

/** A notification as the API and the dashboard show it. */
export interface Attention {
  id: string;
  kind: AttentionKind;
  appId: string | null;
  conversationId: string | null;
  draftId: string | null;
  reason: string;
  /** Whether Slack was told too (false without Slack). */
  postedToSlack: boolean;
  createdAt: string;
}

const OPEN = ["pending_approval", "declined"];

/**
 * What needs a person, newest first: escalations and failed sends until someone dismisses them,
 * reminders while their draft still waits (a decided draft needs nobody).
 */
export async function needsAttention(db: Db, orgId: string, limit = 50): Promise<Attention[]> {
  const rows = await listOpenNotifications(db, orgId, { kinds: [...ATTENTION_KINDS], limit });
  const shown: Attention[] = [];
  for (const row of rows) {
    if (row.kind === "approval_reminder" && row.draftId) {
      const draft = await getDraft(db, orgId, row.draftId);
      if (!draft || !OPEN.includes(draft.status)) continue;
    }
    shown.push({
      id: row.id,
      kind: row.kind as AttentionKind,
      appId: row.appId,
      conversationId: row.conversationId,
      draftId: row.draftId,
      reason: row.reason,
      postedToSlack: Boolean(row.slackTs),
      createdAt: row.createdAt.toISOString(),
    });
  }
  return shown;
}

/** Someone saw to it: the notification leaves the list (once; a second dismissal is a conflict). */
export async function dismissAttention(db: Db, orgId: string, id: string, actor: string): Promise<void> {
  const { notification, changed } = await dismissNotification(db, orgId, id, actor);
  if (!notification || notification.kind === "daily_summary")
    throw new AppError("not_found", `notification "${id}" not found`);
  if (!changed)
    throw new AppError("conflict", `notification ${id} was already dismissed by ${notification.dismissedBy}`);
  await appendAudit(db, orgId, {
    actor,
    action: "notification.dismissed",
    subject: id,
    data: { kind: notification.kind },
  });
}
