import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { MetricCard } from "../components/analytics/MetricCard.js";
import { RangeControl } from "../components/analytics/RangeControl.js";
import { type Series, SeriesChart } from "../components/analytics/SeriesChart.js";
import { EmptyState } from "../components/EmptyState.js";
import { ErrorNote } from "../components/ErrorNote.js";
import { Link } from "../components/Link.js";
import { useApps } from "../hooks/useData.js";
import {
  countRows,
  duration,
  durationRows,
  editRows,
  type RangeChoice,
  rangeDays,
  rangeProblem,
  rateRows,
  seriesColor,
} from "../lib/analytics.js";
import { api, query } from "../lib/api.js";
import { percent } from "../lib/autonomy-form.js";
import type { AnalyticsReport } from "../lib/types.js";

const palette = (names: string[]): Series[] =>
  names.map((name) => ({ key: name, label: name, color: seriesColor(name, names) }));

/** Analytics over a date range, for one app or all: every chart shows how its metric is defined. */
export function AnalyticsPage({ app: initialApp }: { app: string | undefined }) {
  const apps = useApps();
  const [app, setApp] = useState(initialApp ?? "");
  const [choice, setChoice] = useState<RangeChoice>({ preset: 30 });
  const [bucket, setBucket] = useState<"day" | "week">("day");
  const range = rangeDays(choice, new Date());
  const valid = rangeProblem(range.from, range.to) === null;
  const report = useQuery({
    queryKey: ["analytics", app, range.from, range.to, bucket],
    queryFn: () => api<AnalyticsReport>(`/api/v1/analytics${query({ app: app || undefined, ...range, bucket })}`),
    enabled: valid,
    placeholderData: (previous) => previous,
  });
  const list = apps.data?.data ?? [];
  if (apps.isSuccess && list.length === 0) {
    return (
      <EmptyState title="No app yet">
        <p>
          <Link to="/apps">Create an app</Link> and connect a channel: analytics start with the first conversation.
        </p>
      </EmptyState>
    );
  }
  const data = report.data;
  const d = data?.definitions;
  return (
    <>
      <h1>Analytics</h1>
      <div className="toolbar row">
        <label>
          App
          <select value={app} onChange={(e) => setApp(e.target.value)}>
            <option value="">All apps</option>
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
      {data && d && (
        <>
          <dl className="tiles" aria-label="Totals for the range">
            <div className="pair">
              <dt>Conversations</dt>
              <dd>{data.totals.conversations}</dd>
            </div>
            <div className="pair">
              <dt>{d.firstResponse.label}</dt>
              <dd>{duration(data.totals.firstResponseAvgMs)}</dd>
            </div>
            <div className="pair">
              <dt>{d.resolution.label}</dt>
              <dd>{duration(data.totals.resolutionAvgMs)}</dd>
            </div>
            <div className="pair">
              <dt>{d.approvalRate.label}</dt>
              <dd>{percent(data.totals.approvalRate)}</dd>
            </div>
            <div className="pair">
              <dt>{d.autoSendRate.label}</dt>
              <dd>{percent(data.totals.autoSendRate)}</dd>
            </div>
            <div className="pair">
              <dt>{d.deflection.label}</dt>
              <dd>{percent(data.totals.deflectionRate)}</dd>
            </div>
          </dl>
          {data.totals.conversations === 0 && data.totals.drafts === 0 && (
            <p className="hint">
              Nothing in this range yet: connect a channel or send a test message from{" "}
              <Link to="/apps">Apps & channels</Link>.
            </p>
          )}
          <MetricCard title="Volume by channel" definitions={[d.volume]}>
            <SeriesChart
              title="Conversations by channel"
              kind="bars"
              rows={countRows(data, "byChannel")}
              series={palette(data.channels)}
            />
          </MetricCard>
          <MetricCard title="Volume by category" definitions={[d.volume]}>
            <SeriesChart
              title="Conversations by category"
              kind="bars"
              rows={countRows(data, "byCategory")}
              series={palette(data.categories)}
            />
          </MetricCard>
          <MetricCard title="Response and resolution times" definitions={[d.firstResponse, d.resolution]}>
            <SeriesChart
              title="Average minutes to first response and to resolution"
              kind="lines"
              unit=" min"
              rows={durationRows(data)}
              series={[
                { key: "firstResponse", label: d.firstResponse.label, color: "#1d4ed8" },
                { key: "resolution", label: d.resolution.label, color: "#047857" },
              ]}
            />
          </MetricCard>
          <MetricCard
            title="Approval, auto-send and deflection"
            definitions={[d.approvalRate, d.autoSendRate, d.deflection]}
          >
            <SeriesChart
              title="Rates in percent"
              kind="lines"
              unit="%"
              max={100}
              rows={rateRows(data)}
              series={[
                { key: "approvalRate", label: d.approvalRate.label, color: "#1d4ed8" },
                { key: "autoSendRate", label: d.autoSendRate.label, color: "#b45309" },
                { key: "deflection", label: d.deflection.label, color: "#047857" },
              ]}
            />
          </MetricCard>
          <MetricCard title="Edit rate" definitions={[d.editRate]}>
            <SeriesChart
              title="Approved drafts by how much they were changed, in percent"
              kind="bars"
              unit="%"
              max={100}
              rows={editRows(data)}
              series={[
                { key: "unchanged", label: "unchanged", color: "#047857" },
                { key: "edited", label: "edited", color: "#b45309" },
                { key: "rewritten", label: "rewritten", color: "#b91c1c" },
              ]}
            />
          </MetricCard>
        </>
      )}
    </>
  );
}
