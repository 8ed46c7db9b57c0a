import type { BillingView, QuotaUsageView } from "@support/contract";
import type { MessageId } from "../i18n/translator.js";

export type Billing = BillingView;

export const STATUS_LABEL: Record<NonNullable<BillingView["status"]>, MessageId> = {
  trialing: "billing.status.trialing",
  active: "billing.status.active",
  past_due: "billing.status.past_due",
  canceled: "billing.status.canceled",
  paused: "billing.status.paused",
};

export const QUOTA_LABEL: Record<QuotaUsageView["quota"], MessageId> = {
  aiDrafts: "billing.quota.aiDrafts",
  seats: "billing.quota.seats",
  apps: "billing.quota.apps",
  knowledgePages: "billing.quota.knowledgePages",
  channels: "billing.quota.channels",
};

/** What the banner says: how many quotas are past 80 %, and whether AI is paused. */
export function billingAlerts(view: BillingView | undefined): { warnings: number; paused: boolean } {
  if (!view?.enabled) return { warnings: 0, paused: false };
  return { warnings: view.usage.filter((u) => u.level !== "ok").length, paused: view.aiPaused !== null };
}
