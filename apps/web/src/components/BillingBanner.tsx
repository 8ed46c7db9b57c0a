import { useQuery } from "@tanstack/react-query";
import { useT } from "../i18n/useT.js";
import { api } from "../lib/api.js";
import { type Billing, billingAlerts } from "../lib/billing.js";
import { Link } from "./Link.js";

/** Tells the owner, on every page, when a quota passed 80 % or AI drafting is paused. */
export function BillingBanner() {
  const t = useT();
  const billing = useQuery({ queryKey: ["billing"], queryFn: () => api<Billing>("/api/v1/billing") });
  const { warnings, paused } = billingAlerts(billing.data);
  if (!paused && warnings === 0) return null;
  return (
    <p role="status" className="banner warning">
      {paused ? t("billing.banner.paused") : t("billing.banner.warning", { count: warnings })}{" "}
      <Link to="/billing">{t("billing.banner.link")}</Link>
    </p>
  );
}
