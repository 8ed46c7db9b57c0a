export { aiDraftingAllowance, loadOrgBilling } from "./entitlement.js";
export { billingOverview } from "./overview.js";
export type { BillingPort } from "./port.js";
export { requireQuota, requireSeat } from "./quotas.js";
export {
  catalogueProducts,
  openBillingPortal,
  setOveragePolicy,
  startCheckout,
  syncBillingCatalogue,
} from "./subscribe.js";
export { handOverForBilling, reportDraftOverage } from "./usage.js";
export { warnOwnersAboutQuotas } from "./warnings.js";
export { type BillingWebhookOutcome, receiveBillingWebhook } from "./webhook.js";
