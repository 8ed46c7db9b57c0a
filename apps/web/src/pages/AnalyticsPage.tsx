import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { MetricCard } from "../components/analytics/MetricCard.js";
import { RangeControl } from "../components/analytics/RangeControl.js";
import { type Series, SeriesChart } from "../components/analytics/SeriesChart.js";
import { EmptyState } from "../components/EmptyState.js";
import { ErrorNote } from "../components/ErrorNote.js";
import { Link } from "../components/Link.js";
import { useApps } from "../hooks/useData.js";
import { useT } from "../i18n/useT.js";
import {
  countRows,
  csatRows,
  durationRows,
  editRows,
  metricDefinition,
  type RangeChoice,
  rangeDays,
  rangeProblem,
  rateRows,
  seriesColor,
} from "../lib/analytics.js";
import { api, query } from "../lib/api.js";
import type { AnalyticsReport, MetricId } from "../lib/types.js";

const palette = (names: string[]): Series[] =>
  names.map((name) => ({ key: name, label: name, color: seriesColor(name, names) }));

/** Analytics over a date range, for one app or all: every chart shows how its metric is defined. */
export function AnalyticsPage({ app: initialApp }: { app: string | undefined }) {
  const t = useT();
  const apps = useApps();
  const [app, setApp] = useState(initialApp ?? "");
  const [choice, setChoice] = useState<RangeChoice>({ preset: 30 });
  const [bucket, setBucket] = useState<"day" | "week">("day");
  const range = rangeDays(choice, new Date());
  const valid = rangeProblem(range.from, range.to, t) === null;
  const report = useQuery({
    queryKey: ["analytics", app, range.from, range.to, bucket],
    queryFn: () => api<AnalyticsReport>(`/api/v1/analytics${query({ app: app || undefined, ...range, bucket })}`),
    enabled: valid,
    placeholderData: (previous) => previous,
  });
  const list = apps.data?.data ?? [];
  if (apps.isSuccess && list.length === 0) {
    return (
      <EmptyState title={t("common.noAppYet")}>
        <p>{t.rich("analytics.noApp", { link: (chunks) => <Link to="/apps">{chunks}</Link> })}</p>
      </EmptyState>
    );
  }
  const data = report.data;
  const d = (metric: MetricId) => metricDefinition(metric, t);
  const minutes = (value: number) => t.duration(value * 60_000);
  const percent = (value: number) => t.percent(value / 100, 1);
  return (
    <>
      <h1>{t("analytics.title")}</h1>
      <div className="toolbar row">
        <label>
          {t("common.app")}
          <select value={app} onChange={(e) => setApp(e.target.value)}>
            <option value="">{t("common.allApps")}</option>
            {list.map((a) => (
              <option key={a.id} value={a.slug}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <RangeControl choice={choice} range={range} bucket={bucket} onChoice={setChoice} onBucket={setBucket} />
      <ErrorNote error={report.error} />
      {data && (
        <>
          <dl className="tiles" aria-label={t("analytics.totals")}>
            <div className="pair">
              <dt>{t("analytics.conversations")}</dt>
              <dd>{t.number(data.totals.conversations)}</dd>
            </div>
            <div className="pair">
              <dt>{d("firstResponse").label}</dt>
              <dd>{t.duration(data.totals.firstResponseAvgMs)}</dd>
            </div>
            <div className="pair">
              <dt>{d("resolution").label}</dt>
              <dd>{t.duration(data.totals.resolutionAvgMs)}</dd>
            </div>
            <div className="pair">
              <dt>{d("approvalRate").label}</dt>
              <dd>{t.percent(data.totals.approvalRate)}</dd>
            </div>
            <div className="pair">
              <dt>{d("autoSendRate").label}</dt>
              <dd>{t.percent(data.totals.autoSendRate)}</dd>
            </div>
            <div className="pair">
              <dt>{d("deflection").label}</dt>
              <dd>{t.percent(data.totals.deflectionRate)}</dd>
            </div>
            <div className="pair">
              <dt>{d("csat").label}</dt>
              <dd>
                {data.totals.csatAvg === null
                  ? t("analytics.csatNone")
                  : t("analytics.csatValue", {
                      average: t.number(data.totals.csatAvg, 2),
                      count: data.totals.rated,
                      positive: t.percent(data.totals.csatPositiveRate),
                    })}
              </dd>
            </div>
          </dl>
          {data.totals.conversations === 0 && data.totals.drafts === 0 && (
            <p className="hint">
              {t.rich("analytics.nothingYet", { link: (chunks) => <Link to="/apps">{chunks}</Link> })}
            </p>
          )}
          <MetricCard title={t("analytics.volumeByChannel")} definitions={[d("volume")]}>
            <SeriesChart
              title={t("analytics.conversationsByChannel")}
              kind="bars"
              rows={countRows(data, "byChannel")}
              series={palette(data.channels)}
            />
          </MetricCard>
          <MetricCard title={t("analytics.volumeByCategory")} definitions={[d("volume")]}>
            <SeriesChart
              title={t("analytics.conversationsByCategory")}
              kind="bars"
              rows={countRows(data, "byCategory")}
              series={palette(data.categories)}
            />
          </MetricCard>
          <MetricCard title={t("analytics.times")} definitions={[d("firstResponse"), d("resolution")]}>
            <SeriesChart
              title={t("analytics.timesChart")}
              kind="lines"
              format={minutes}
              rows={durationRows(data)}
              series={[
                { key: "firstResponse", label: d("firstResponse").label, color: "#1d4ed8" },
                { key: "resolution", label: d("resolution").label, color: "#047857" },
              ]}
            />
          </MetricCard>
          <MetricCard
            title={t("analytics.rates")}
            definitions={[d("approvalRate"), d("autoSendRate"), d("deflection")]}
          >
            <SeriesChart
              title={t("analytics.ratesChart")}
              kind="lines"
              format={percent}
              max={100}
              rows={rateRows(data)}
              series={[
                { key: "approvalRate", label: d("approvalRate").label, color: "#1d4ed8" },
                { key: "autoSendRate", label: d("autoSendRate").label, color: "#b45309" },
                { key: "deflection", label: d("deflection").label, color: "#047857" },
              ]}
            />
          </MetricCard>
          <MetricCard title={t("analytics.csat")} definitions={[d("csat")]}>
            <SeriesChart
              title={t("analytics.csatChart")}
              kind="lines"
              format={percent}
              max={100}
              rows={csatRows(data)}
              series={[{ key: "csatPositive", label: t("analytics.csatPositive"), color: "#047857" }]}
            />
          </MetricCard>
          <MetricCard title={t("analytics.edits")} definitions={[d("editRate")]}>
            <SeriesChart
              title={t("analytics.editsChart")}
              kind="bars"
              format={percent}
              max={100}
              rows={editRows(data)}
              series={[
                { key: "unchanged", label: t("analytics.edit.unchanged"), color: "#047857" },
                { key: "edited", label: t("analytics.edit.edited"), color: "#b45309" },
                { key: "rewritten", label: t("analytics.edit.rewritten"), color: "#b91c1c" },
              ]}
            />
          </MetricCard>
        </>
      )}
    </>
  );
}
