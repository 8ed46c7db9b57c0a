import { useQuery } from "@tanstack/react-query";
import { useT } from "../i18n/useT.js";
import { rangeDays, seriesColor, trustRows } from "../lib/analytics.js";
import { api, query } from "../lib/api.js";
import type { TrustHistory } from "../lib/types.js";
import { SeriesChart } from "./analytics/SeriesChart.js";

/** Trust per category at the end of each of the last 90 days, as the decisions computed it. */
export function TrustHistoryChart({ app }: { app: string }) {
  const t = useT();
  const history = useQuery({
    queryKey: ["trust-history", app],
    queryFn: () =>
      api<TrustHistory>(
        `/api/v1/apps/${encodeURIComponent(app)}/trust/history${query(rangeDays({ preset: 90 }, new Date()))}`,
      ),
  });
  const data = history.data;
  if (!data) return null;
  if (data.points.length === 0) return <p>{t("autonomy.history.empty")}</p>;
  const latest = new Map(data.points.map((p) => [p.category, p.samples]));
  return (
    <>
      <SeriesChart
        title={t("autonomy.history.chart")}
        kind="lines"
        max={1}
        format={(value) => t.number(value)}
        rows={trustRows(data)}
        series={data.categories.map((c) => ({
          key: c,
          label: t("autonomy.history.series", { category: c, outcomes: latest.get(c) ?? 0 }),
          color: seriesColor(c, data.categories),
        }))}
        reference={{ value: data.threshold, label: t("autonomy.threshold") }}
      />
      <p className="hint">{t("autonomy.history.hint", { minOutcomes: data.minOutcomes })}</p>
    </>
  );
}
