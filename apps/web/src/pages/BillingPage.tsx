import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { EmptyState } from "../components/EmptyState.js";
import { ErrorNote } from "../components/ErrorNote.js";
import { useT } from "../i18n/useT.js";
import { api } from "../lib/api.js";
import { type Billing, QUOTA_LABEL, STATUS_LABEL } from "../lib/billing.js";
import type { Role } from "../lib/types.js";

type Currency = "EUR" | "MGA";

/** The plan, its status and period, usage per quota, and the way to Stripe Checkout or the portal (owners only). */
export function BillingPage({ role }: { role: Role | null }) {
  const t = useT();
  const client = useQueryClient();
  const [currency, setCurrency] = useState<Currency>("EUR");
  const billing = useQuery({
    queryKey: ["billing"],
    queryFn: () => api<Billing>("/api/v1/billing"),
    enabled: role === "owner",
  });
  const go = (url: string) => window.location.assign(url);
  const checkout = useMutation({
    mutationFn: (plan: string) =>
      api<{ url: string }>("/api/v1/billing/checkout", { method: "POST", body: { plan, currency } }),
    onSuccess: ({ url }) => go(url),
  });
  const portal = useMutation({
    mutationFn: () => api<{ url: string }>("/api/v1/billing/portal", { method: "POST" }),
    onSuccess: ({ url }) => go(url),
  });
  const overage = useMutation({
    mutationFn: (choice: "pause" | "allow") =>
      api<Billing>("/api/v1/billing/overage", { method: "PUT", body: { overage: choice } }),
    onSuccess: (view) => client.setQueryData(["billing"], view),
  });
  if (role !== "owner") {
    return (
      <EmptyState title={t("billing.title")}>
        <p>{t("billing.ownersOnly")}</p>
      </EmptyState>
    );
  }
  const view = billing.data;
  if (!view) return <ErrorNote error={billing.error} />;
  return (
    <>
      <h1>{t("billing.title")}</h1>
      {!view.enabled && (
        <div className="card" role="status">
          <p>{t("billing.off")}</p>
          <p className="muted">{t("billing.offHint")}</p>
        </div>
      )}
      {view.enabled && view.plan && (
        <dl className="card">
          <dt>{t("billing.plan")}</dt>
          <dd>{view.plan.name}</dd>
          <dt>{t("billing.status")}</dt>
          <dd>{view.status ? t(STATUS_LABEL[view.status]) : "-"}</dd>
          <dt>{view.trialEndsAt ? t("billing.trialEnds") : t("billing.periodEnd")}</dt>
          <dd>{view.periodEnd ? t.dateTime(view.trialEndsAt ?? view.periodEnd) : "-"}</dd>
        </dl>
      )}
      {view.aiPaused && (
        <p role="alert" className="warning">
          {t("billing.aiPaused", { reason: view.aiPaused })}
        </p>
      )}
      <h2>{t("billing.usage")}</h2>
      <table>
        <tbody>
          {view.usage.map((u) => (
            <tr key={u.quota}>
              <th scope="row">{t(QUOTA_LABEL[u.quota])}</th>
              <td>
                {u.limit === null
                  ? t("billing.usedUnlimited", { used: t.number(u.used) })
                  : t("billing.usedOf", { used: t.number(u.used), limit: t.number(u.limit) })}
              </td>
              <td>
                {u.level === "ok" ? "" : t(u.level === "warning" ? "billing.level.warning" : "billing.level.reached")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {view.enabled && (
        <>
          <fieldset>
            <legend>{t("billing.overage.label")}</legend>
            {(["pause", "allow"] as const).map((choice) => (
              <label key={choice}>
                <input
                  type="radio"
                  name="overage"
                  checked={view.overage === choice}
                  onChange={() => overage.mutate(choice)}
                />
                {t(choice === "pause" ? "billing.overage.pause" : "billing.overage.allow")}
              </label>
            ))}
          </fieldset>
          <h2>{t("billing.plans")}</h2>
          <label>
            {t("billing.currency")}
            <select value={currency} onChange={(e) => setCurrency(e.target.value as Currency)}>
              <option value="EUR">EUR</option>
              <option value="MGA">MGA</option>
            </select>
          </label>
          <ul className="plans">
            {view.plans
              .filter((plan) => !plan.trial)
              .map((plan) => {
                const price = plan.prices.find((p) => p.currency === currency);
                return (
                  <li key={plan.id} className="card">
                    <h3>{plan.name}</h3>
                    {price && <p>{t("billing.perMonth", { price: t.money(price.amount, currency) })}</p>}
                    <p className="muted">
                      {t(QUOTA_LABEL.aiDrafts)}: {t.number(plan.quotas.aiDrafts ?? 0)} · {t(QUOTA_LABEL.seats)}:{" "}
                      {t.number(plan.quotas.seats ?? 0)}
                    </p>
                    {view.plan?.id === plan.id && view.status === "active" ? (
                      <p>{t("billing.current")}</p>
                    ) : (
                      <button
                        type="button"
                        className="primary"
                        disabled={!price || checkout.isPending}
                        onClick={() => checkout.mutate(plan.id)}
                      >
                        {t("billing.subscribe", { plan: plan.name })}
                      </button>
                    )}
                  </li>
                );
              })}
          </ul>
          {view.canManage && (
            <button type="button" onClick={() => portal.mutate()} disabled={portal.isPending}>
              {t("billing.manage")}
            </button>
          )}
        </>
      )}
      <ErrorNote error={checkout.error ?? portal.error ?? overage.error} />
    </>
  );
}
