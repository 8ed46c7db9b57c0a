import {
  appendAudit,
  appSettings,
  type Database,
  type DraftRow,
  findAppForWebhook,
  insertOutcome,
  listOpenDraftsBefore,
  transitionDraft,
} from "@support/db";
import { emit } from "../events.js";
import { applyRetention, type RetentionReport } from "../operations/retention.js";
import { AppError } from "../service/errors.js";
import { escalateDraft } from "./decisions.js";

const HOUR = 3_600_000;
const OPEN = ["pending_approval", "declined"];

export interface SweepReport extends RetentionReport {
  reminded: number;
  escalated: number;
  expired: number;
}

/**
 * The scheduled sweep: per app, an open draft older than its SLA gets one reminder, one older
 * than twice the SLA is escalated, one older than the expiry window expires (outcome `expired`);
 * then personal data older than the retention window is dropped (`applyRetention`).
 */
export async function sweepDrafts(
  database: Database,
  options: { now?: Date; retentionDays: number; batch?: number },
): Promise<SweepReport> {
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
      if (await expire(database, draft, now)) decisions.expired++;
    } else if (age > 2 * settings.approvalSlaHours * HOUR && draft.remindedAt) {
      try {
        await escalateDraft(database, draft.orgId, draft.id, {
          actor: "sla",
          surface: "api",
          reason: `waited more than ${2 * settings.approvalSlaHours} hours for approval`,
        });
        decisions.escalated++;
      } catch (error) {
        // Decided by someone in the meantime: nothing to escalate.
        if (!(error instanceof AppError && error.code === "conflict")) throw error;
      }
    } else if (age > settings.approvalSlaHours * HOUR && !draft.remindedAt) {
      if (await remind(database, draft, now)) decisions.reminded++;
    }
  }
  const retention = await applyRetention(database, {
    before: new Date(now.getTime() - options.retentionDays * 24 * HOUR),
    batch,
  });
  return { ...decisions, ...retention };
}

async function remind(database: Database, draft: DraftRow, now: Date): Promise<boolean> {
  return database.transaction(async (tx) => {
    const { changed } = await transitionDraft(tx, draft.orgId, draft.id, OPEN, {
      status: draft.status,
      remindedAt: now,
    });
    if (!changed) return false;
    await appendAudit(tx, draft.orgId, {
      actor: "sla",
      action: "approval.reminded",
      subject: draft.id,
      traceId: draft.traceId,
    });
    await emit(tx, "support/approval.reminded", {
      v: 1,
      orgId: draft.orgId,
      appId: draft.appId,
      conversationId: draft.conversationId,
      draftId: draft.id,
    });
    return true;
  });
}

async function expire(database: Database, draft: DraftRow, now: Date): Promise<boolean> {
  return database.transaction(async (tx) => {
    const { changed } = await transitionDraft(tx, draft.orgId, draft.id, OPEN, {
      status: "expired",
      decidedBy: "sweep",
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
      wouldAutoSend: Boolean((draft.decision as { wouldAutoSend?: boolean }).wouldAutoSend),
      actor: "sweep",
      surface: "api",
    });
    await appendAudit(tx, draft.orgId, {
      actor: "sweep",
      action: "draft.expired",
      subject: draft.id,
      traceId: draft.traceId,
    });
    await emit(tx, "support/draft.expired", {
      v: 1,
      orgId: draft.orgId,
      appId: draft.appId,
      conversationId: draft.conversationId,
      draftId: draft.id,
    });
    return true;
  });
}
