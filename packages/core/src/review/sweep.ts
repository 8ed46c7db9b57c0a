import {
  appSettings,
  type DraftRow,
  findAppForWebhook,
  insertOutcome,
  listOpenDraftsBefore,
  transitionDraft,
} from "@support/db";
import { applyRetention, type RetentionReport } from "../operations/retention.js";
import { commitChange } from "../service/change.js";
import { type Actor, type ServiceContext, serviceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import type { Platform } from "../service/ports.js";
import { escalateDraft, OPEN_STATUSES, wouldAutoSend } from "./decisions.js";

const HOUR = 3_600_000;

/** The approval SLA reminds and escalates; the sweep expires. Both act for the platform, in each draft's organization. */
const SLA: Actor = { kind: "workflow", role: "owner", name: "sla" };
const SWEEP: Actor = { kind: "workflow", role: "owner", name: "sweep" };

export interface SweepReport extends RetentionReport {
  reminded: number;
  escalated: number;
  expired: number;
}

/**
 * The scheduled sweep over every organization: per app, an open draft older than its SLA gets
 * one reminder, one older than twice the SLA is escalated, one older than the expiry window
 * expires (outcome `expired`); then personal data older than the retention window (the ports'
 * `retentionDays` unless given) is dropped (`applyRetention`).
 */
export async function sweepDrafts(
  platform: Platform,
  options: { now?: Date; retentionDays?: number; batch?: number } = {},
): Promise<SweepReport> {
  const database = platform.db;
  const inOrg = (draft: DraftRow, actor: Actor) => serviceContext(platform, draft.orgId, actor);
  const now = options.now ?? new Date();
  const batch = options.batch ?? 500;
  const decisions = { reminded: 0, escalated: 0, expired: 0 };
  // The shortest SLA an app may set is 15 minutes: nothing younger can be due.
  const candidates = await listOpenDraftsBefore(database.db, new Date(now.getTime() - 0.25 * HOUR), batch);
  const settingsByApp = new Map<string, ReturnType<typeof appSettings> | undefined>();
  for (const draft of candidates) {
    if (!settingsByApp.has(draft.appId)) {
      const app = await findAppForWebhook(database.db, draft.appId);
      settingsByApp.set(draft.appId, app ? appSettings(app) : undefined);
    }
    const settings = settingsByApp.get(draft.appId);
    if (!settings) continue;
    const age = now.getTime() - draft.createdAt.getTime();
    if (age > settings.draftExpiryHours * HOUR) {
      if (await expire(inOrg(draft, SWEEP), draft, now)) decisions.expired++;
    } else if (age > 2 * settings.approvalSlaHours * HOUR && draft.remindedAt) {
      try {
        await escalateDraft(inOrg(draft, SLA), draft.id, {
          reason: `waited more than ${2 * settings.approvalSlaHours} hours for approval`,
        });
        decisions.escalated++;
      } catch (error) {
        // Decided by someone in the meantime: nothing to escalate.
        if (!(error instanceof AppError && error.code === "conflict")) throw error;
      }
    } else if (age > settings.approvalSlaHours * HOUR && !draft.remindedAt) {
      if (await remind(inOrg(draft, SLA), draft, now)) decisions.reminded++;
    }
  }
  const retention = await applyRetention(database, {
    before: new Date(now.getTime() - (options.retentionDays ?? platform.ports.retentionDays) * 24 * HOUR),
    batch,
  });
  return { ...decisions, ...retention };
}

async function remind(ctx: ServiceContext, draft: DraftRow, now: Date): Promise<boolean> {
  return commitChange(ctx, async (tx, log) => {
    const { changed } = await transitionDraft(tx, draft.orgId, draft.id, OPEN_STATUSES, {
      status: draft.status,
      remindedAt: now,
    });
    if (!changed) return false;
    await log.audit({ action: "approval.reminded", subject: draft.id, traceId: draft.traceId });
    await log.emit("support/approval.reminded", {
      v: 1,
      orgId: draft.orgId,
      appId: draft.appId,
      conversationId: draft.conversationId,
      draftId: draft.id,
    });
    return true;
  });
}

async function expire(ctx: ServiceContext, draft: DraftRow, now: Date): Promise<boolean> {
  return commitChange(ctx, async (tx, log) => {
    const { changed } = await transitionDraft(tx, draft.orgId, draft.id, OPEN_STATUSES, {
      status: "expired",
      decidedBy: ctx.actor.name,
      decidedAt: now,
      reason: "no decision before the draft expired",
    });
    if (!changed) return false;
    await insertOutcome(tx, {
      orgId: draft.orgId,
      appId: draft.appId,
      draftId: draft.id,
      category: draft.category,
      outcome: "expired",
      overlapBp: null,
      wouldAutoSend: wouldAutoSend(draft),
      actor: ctx.actor.name,
      surface: "api",
    });
    await log.audit({ action: "draft.expired", subject: draft.id, traceId: draft.traceId });
    await log.emit("support/draft.expired", {
      v: 1,
      orgId: draft.orgId,
      appId: draft.appId,
      conversationId: draft.conversationId,
      draftId: draft.id,
    });
    return true;
  });
}
