import type { ShopMetrics } from "@support/contract";
import { useQuery } from "@tanstack/react-query";
import { useT } from "../i18n/useT.js";
import { api } from "../lib/api.js";
import { ErrorNote } from "./ErrorNote.js";

/** The shop's last 30 days: each rate with what it counts, so a small shop reads "1 of 2", not just 50 %. */
export function ShopMetricsCard({ app }: { app: string }) {
  const t = useT();
  const metrics = useQuery({
    queryKey: ["shop-metrics", app],
    queryFn: () => api<ShopMetrics>(`/api/v1/apps/${encodeURIComponent(app)}/shop/metrics`),
  });
  const m = metrics.data;
  const rate = (r: ShopMetrics["leadToQuote"]) => `${t.percent(r.rate)} (${t("shop.metrics.of", r)})`;
  return (
    <section className="card" aria-label={t("shop.metrics.title")}>
      <h2>{t("shop.metrics.title")}</h2>
      <ErrorNote error={metrics.error} />
      {m && (
        <dl className="metrics">
          <div>
            <dt>{t("shop.metrics.automatic")}</dt>
            <dd>{rate(m.automaticAnswerRate)}</dd>
          </div>
          <div>
            <dt>{t("shop.metrics.leadToQuote")}</dt>
            <dd>{rate(m.leadToQuote)}</dd>
          </div>
          <div>
            <dt>{t("shop.metrics.quoteToOrder")}</dt>
            <dd>{rate(m.quoteToOrder)}</dd>
          </div>
          <div>
            <dt>{t("shop.metrics.escalation")}</dt>
            <dd>{rate(m.escalationRate)}</dd>
          </div>
          <div>
            <dt>{t("shop.metrics.firstAnswer")}</dt>
            <dd>{t.duration(m.firstAnswerMs)}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}
