import type { Page, PlatformMailView } from "@support/contract";
import { listOrgMails } from "@support/db";
import { requireRole, type ServiceContext } from "../service/context.js";

/**
 * The organization's mails in the embedded mailbox, newest first (invitations, quota warnings),
 * for admins: the sandbox outbox's mail view. Mails about an account (password links) belong to
 * no organization and are never listed.
 */
export async function listMailbox(
  ctx: ServiceContext,
  query: { limit: number; cursor?: string },
): Promise<Page<PlatformMailView>> {
  requireRole(ctx, "admin");
  const rows = await listOrgMails(ctx.db, ctx.org.id, { limit: query.limit + 1, before: query.cursor });
  const page = rows.slice(0, query.limit);
  return {
    data: page.map((m) => ({
      id: m.id,
      kind: m.kind,
      recipient: m.recipient,
      subject: m.subject,
      text: m.text,
      createdAt: m.createdAt.toISOString(),
    })),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
