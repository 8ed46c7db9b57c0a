import { randomBytes } from "node:crypto";
import { newId } from "@support/db";
import { and, eq } from "drizzle-orm";
import { type MailLanguage, passwordSetMail } from "../mail/texts.js";
import { commitChange } from "../service/change.js";
import { OPERATOR, serviceContext } from "../service/context.js";
import type { Platform } from "../service/ports.js";
import type { Auth } from "./auth.js";

/** How long the link `skill init --owner-email` prints and mails stays valid. */
export const PASSWORD_SET_LINK_HOURS = 24;

export interface HumanOwner {
  userId: string;
  userCreated: boolean;
  memberAdded: boolean;
  /** Opens the dashboard's "choose a new password" page; single use. */
  link: string;
  /** True when the mail reached SMTP rather than the embedded mailbox. */
  mailed: boolean;
}

/**
 * Makes `email` an owner of the organization (creating the account, with no password, when the
 * address has none) and issues a set-password link: better-auth's own reset token, so the
 * dashboard's reset page and `POST /api/auth/reset-password` complete it. The operator runs it
 * (`skill init --owner-email`), so the link is printed as well as mailed.
 */
export async function addHumanOwner(
  platform: Platform,
  auth: Auth,
  input: { orgId: string; orgName: string; email: string; language?: MailLanguage },
): Promise<HumanOwner> {
  const email = input.email.trim().toLowerCase();
  const context = await auth.$context;
  const found = await context.internalAdapter.findUserByEmail(email);
  const user =
    found?.user ??
    (await context.internalAdapter.createUser(
      { email, name: email.split("@")[0] ?? email, emailVerified: false },
      // The operator provisions the account; its password comes from the set-password link.
      { method: "admin" },
    ));
  const ctx = serviceContext(platform, input.orgId, { ...OPERATOR, name: "cli:init" });
  const memberAdded = await commitChange(ctx, async (tx, log) => {
    const existing = await tx.q
      .select()
      .from(tx.t.members)
      .where(and(eq(tx.t.members.orgId, input.orgId), eq(tx.t.members.userId, user.id)))
      .limit(1);
    if (existing[0]) {
      if (existing[0].role === "owner") return false;
      await tx.q.update(tx.t.members).set({ role: "owner" }).where(eq(tx.t.members.id, existing[0].id));
    } else {
      await tx.q
        .insert(tx.t.members)
        .values({ id: newId("member"), orgId: input.orgId, userId: user.id, role: "owner", createdAt: new Date() });
    }
    await log.audit({ action: "member.owner_added", subject: user.id });
    return true;
  });
  const token = randomBytes(24).toString("base64url");
  await context.internalAdapter.createVerificationValue({
    value: user.id,
    identifier: `reset-password:${token}`,
    expiresAt: new Date(Date.now() + PASSWORD_SET_LINK_HOURS * 3600_000),
  });
  const base = platform.ports.publicUrl;
  const link = `${base}/api/auth/reset-password/${token}?callbackURL=${encodeURIComponent(`${base}/reset-password`)}`;
  const mail = passwordSetMail(input.language ?? "en", input.orgName, link);
  // An account's own mail (orgId null): the organization's admins never see its link in the mailbox view.
  await platform.ports.mail.send({ kind: "password_set", orgId: null, to: email, ...mail });
  return { userId: user.id, userCreated: !found, memberAdded, link, mailed: !platform.ports.mail.embedded };
}
