import type { NotificationView } from "@support/contract";
import { ATTENTION_KINDS, type AttentionKind } from "@support/contract";
import { dismissNotification, getDraft, listOpenNotifications } from "@support/db";
import { OPEN_STATUSES } from "../review/decisions.js";
import { commitChange } from "../service/change.js";
import type { ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";

/**
 * What needs a person, newest first: escalations and failed sends until someone dismisses them,
 * reminders while their draft still waits (a decided draft needs nobody). Any member.
 */
export async function needsAttention(ctx: ServiceContext, limit = 50): Promise<NotificationView[]> {
  const orgId = ctx.org.id;
  const rows = await listOpenNotifications(ctx.db, orgId, { kinds: [...ATTENTION_KINDS], limit });
  const shown: NotificationView[] = [];
  for (const row of rows) {
    if (row.kind === "approval_reminder" && row.draftId) {
      const draft = await getDraft(ctx.db, orgId, row.draftId);
      if (!draft || !OPEN_STATUSES.includes(draft.status)) continue;
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

/** Someone saw to it: the notification leaves the list (once; a second dismissal is a conflict). Any member. */
export async function dismissAttention(ctx: ServiceContext, id: string): Promise<void> {
  await commitChange(ctx, async (tx, log) => {
    const { notification, changed } = await dismissNotification(tx, ctx.org.id, id, ctx.actor.name);
    if (!notification || notification.kind === "daily_summary")
      throw new AppError("not_found", `notification "${id}" not found`);
    if (!changed)
      throw new AppError("conflict", `notification ${id} was already dismissed by ${notification.dismissedBy}`);
    await log.audit({ action: "notification.dismissed", subject: id, data: { kind: notification.kind } });
  });
}
