import { billingUsage, claimQuotaWarning, listApps } from "@support/db";
import { QUOTAS, type Quota, quotaLevel } from "@support/decisions";
import { and, eq } from "drizzle-orm";
import { quotaWarningMail } from "../mail/texts.js";
import type { ServiceContext } from "../service/context.js";
import { loadOrgBilling } from "./entitlement.js";

/**
 * Mails the owners once per quota, threshold (80 %, 100 %) and billing period (ADR 0133): the
 * threshold is claimed in `quota_warnings` first, so a repeated check (every drafted reply runs
 * one) or a second instance sends nothing more. A jump straight to 100 % claims 80 % too and
 * mails only the 100 % warning. Nothing with billing off. Answers the warnings mailed.
 */
export async function warnOwnersAboutQuotas(
  ctx: ServiceContext,
  now = new Date(),
): Promise<{ quota: Quota; threshold: number }[]> {
  const state = await loadOrgBilling(ctx, now);
  if (!state) return [];
  const usage = await billingUsage(ctx.db, ctx.org.id, state.periodStart);
  const due: { quota: Quota; threshold: number; used: number; limit: number }[] = [];
  for (const quota of QUOTAS) {
    const limit = state.entitlement.plan.quotas[quota];
    const level = quotaLevel(usage[quota], limit);
    if (level === "ok") continue;
    let mailed: number | undefined;
    for (const threshold of level === "reached" ? [80, 100] : [80]) {
      const claimed = await claimQuotaWarning(ctx.db, {
        orgId: ctx.org.id,
        quota,
        threshold,
        periodStart: state.periodStart,
      });
      if (claimed) mailed = threshold;
    }
    if (mailed !== undefined) due.push({ quota, threshold: mailed, used: usage[quota], limit });
  }
  if (due.length === 0) return [];
  const owners = await ownerEmails(ctx);
  // Owners read the language their apps speak to customers when it is French; English otherwise.
  const apps = await listApps(ctx.db, ctx.org.id, { limit: 1 });
  const language = (apps.data[0]?.settings as { language?: string } | null)?.language === "fr" ? "fr" : "en";
  for (const warning of due) {
    const mail = quotaWarningMail(language, { plan: state.entitlement.plan.name, ...warning });
    for (const to of owners) await ctx.ports.mail.send({ kind: "quota_warning", orgId: ctx.org.id, to, ...mail });
  }
  return due.map(({ quota, threshold }) => ({ quota, threshold }));
}

async function ownerEmails(ctx: ServiceContext): Promise<string[]> {
  const { members, users } = ctx.db.t;
  const rows = await ctx.db.q
    .select({ email: users.email })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(and(eq(members.orgId, ctx.org.id), eq(members.role, "owner")));
  return rows.map((r) => r.email);
}
