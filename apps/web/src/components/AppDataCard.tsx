import { money } from "../lib/actions.js";
import type { DraftCustomer } from "../lib/types.js";

/**
 * What the product app said about the customer when the draft was made, and the calls that
 * failed: the approver sees them, the model and the customer never do.
 */
export function AppDataCard({ customer }: { customer: DraftCustomer }) {
  return (
    <section aria-labelledby="app-data-title" className="card">
      <h2 id="app-data-title">In the product app</h2>
      {customer.user ? (
        <p>
          Account {customer.user.id}
          {customer.user.name ? ` · ${customer.user.name}` : ""}
          {customer.user.email ? ` · ${customer.user.email}` : ""}
        </p>
      ) : (
        <p className="muted">
          {customer.failures.length ? "The account could not be read." : "No account in the app."}
        </p>
      )}
      {customer.purchases.length > 0 && (
        <ul aria-label="Purchases">
          {customer.purchases.map((p) => (
            <li key={p.id}>
              {p.productName}: {money(p.amount, p.currency)} on {p.purchasedAt.slice(0, 10)},{" "}
              {p.status.replace("_", " ")}
            </li>
          ))}
        </ul>
      )}
      {customer.subscriptions.length > 0 && (
        <ul aria-label="Subscriptions">
          {customer.subscriptions.map((s) => (
            <li key={s.id}>
              {s.plan}: {s.status}
            </li>
          ))}
        </ul>
      )}
      {customer.failures.length > 0 && (
        <ul aria-label="Failed calls" className="warning">
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
