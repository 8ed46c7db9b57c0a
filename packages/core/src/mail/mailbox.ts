import type { Page, PlatformMailView } from "@support/contract";
import { getPlatformMail, listAllMails, listOrgMails, type PlatformMailRow } from "@support/db";
import { requireRole, type ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import type { Platform } from "../service/ports.js";

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

const view = (m: PlatformMailRow) => ({
  id: m.id,
  orgId: m.orgId,
  kind: m.kind,
  recipient: m.recipient,
  subject: m.subject,
  text: m.text,
  createdAt: m.createdAt.toISOString(),
});

/**
 * The embedded mailbox as the operator reads it at the local CLI (`skill mail`): every mail,
 * account mails included (a set-password link to hand over), since the operator holds the data
 * folder and so the database. Only the local CLI calls it; no route does.
 */
export async function operatorMailbox(platform: Platform, query: { limit: number; to?: string }) {
  return { data: (await listAllMails(platform.db, query)).map(view) };
}

export async function operatorMail(platform: Platform, id: string) {
  const mail = await getPlatformMail(platform.db, id);
  if (!mail) throw new AppError("not_found", `mail "${id}" not found`);
  return view(mail);
}
