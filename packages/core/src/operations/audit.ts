import type { AuditEntryView, Page } from "@support/contract";
import { listAudit } from "@support/db";
import { requireRole, type ServiceContext } from "../service/context.js";

/** The organization's audit log, newest first; admins only. */
export async function auditLog(
  ctx: ServiceContext,
  page: { limit: number; cursor?: string },
): Promise<Page<AuditEntryView>> {
  requireRole(ctx, "admin");
  const entries = await listAudit(ctx.db, ctx.org.id, page);
  return {
    data: entries.data.map((e) => ({
      id: e.id,
      actor: e.actor,
      action: e.action,
      subject: e.subject,
      data: e.data,
      traceId: e.traceId,
      createdAt: e.createdAt.toISOString(),
    })),
    nextCursor: entries.nextCursor,
  };
}
