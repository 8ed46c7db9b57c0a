import { useT } from "../i18n/useT.js";
import type { DraftCustomer } from "../lib/types.js";

/**
 * What the product app said about the customer when the draft was made, and the calls that
 * failed: the approver sees them, the model and the customer never do.
 */
export function AppDataCard({ customer }: { customer: DraftCustomer }) {
  const t = useT();
  return (
    <section aria-labelledby="app-data-title" className="card">
      <h2 id="app-data-title">{t("customer.appData.title")}</h2>
      {customer.user ? (
        <p>
          {t("customer.appData.account", { id: customer.user.id })}
          {customer.user.name ? ` · ${customer.user.name}` : ""}
          {customer.user.email ? ` · ${customer.user.email}` : ""}
        </p>
      ) : (
        <p className="muted">
          {customer.failures.length ? t("customer.appData.unreadable") : t("customer.appData.noAccount")}
        </p>
      )}
      {customer.purchases.length > 0 && (
        <ul aria-label={t("customer.appData.purchases")}>
          {customer.purchases.map((p) => (
            <li key={p.id}>
              {t("customer.appData.purchase", {
                product: p.productName,
                amount: t.money(p.amount, p.currency),
                date: t.day(p.purchasedAt.slice(0, 10)),
                // The product app's own status word (paid, refunded…): its data, not the dashboard's.
                status: p.status.replace("_", " "),
              })}
            </li>
          ))}
        </ul>
      )}
      {customer.subscriptions.length > 0 && (
        <ul aria-label={t("customer.appData.subscriptions")}>
          {customer.subscriptions.map((s) => (
            <li key={s.id}>
              {s.plan}: {s.status}
            </li>
          ))}
        </ul>
      )}
      {customer.failures.length > 0 && (
        <ul aria-label={t("customer.appData.failures")} className="warning">
          {customer.failures.map((f) => (
            <li key={f.action}>
              {f.action}: {f.error}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
