import { useQuery } from "@tanstack/react-query";
import { rangeDays, seriesColor, trustRows } from "../lib/analytics.js";
import { api, query } from "../lib/api.js";
import type { TrustHistory } from "../lib/types.js";
import { SeriesChart } from "./analytics/SeriesChart.js";

/** Trust per category at the end of each of the last 90 days, as the decisions computed it. */
export function TrustHistoryChart({ app }: { app: string }) {
  const history = useQuery({
    queryKey: ["trust-history", app],
    queryFn: () =>
      api<TrustHistory>(
        `/api/v1/apps/${encodeURIComponent(app)}/trust/history${query(rangeDays({ preset: 90 }, new Date()))}`,
      ),
  });
  const data = history.data;
  if (!data) return null;
  if (data.points.length === 0) return <p>No outcomes in the last 90 days: the chart fills as humans decide drafts.</p>;
  const latest = new Map(data.points.map((p) => [p.category, p.samples]));
  return (
    <>
      <SeriesChart
        title="Trust per category, day by day"
        kind="lines"
        max={1}
        rows={trustRows(data)}
        series={data.categories.map((c) => ({
          key: c,
          label: `${c} (${latest.get(c) ?? 0} outcomes)`,
          color: seriesColor(c, data.categories),
        }))}
        reference={{ value: data.threshold, label: "threshold" }}
      />
      <p className="hint">
        Each point is the decayed trust (30-day half-life) at the end of that day, from the outcomes stored until then;
        auto-send also needs {data.minOutcomes} outcomes in the category.
      </p>
    </>
  );
}
