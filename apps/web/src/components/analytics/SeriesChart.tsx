import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useT } from "../../i18n/useT.js";
import type { ChartRow } from "../../lib/analytics.js";

export interface Series {
  key: string;
  label: string;
  color: string;
}

/**
 * Stacked bars or lines over the buckets. The chart is for the eye; a visually hidden table
 * carries the same figures for screen readers. Values and days are formatted for the locale.
 */
export function SeriesChart({
  title,
  rows,
  series,
  kind,
  format,
  max,
  reference,
}: {
  title: string;
  rows: ChartRow[];
  series: Series[];
  kind: "bars" | "lines";
  /** A value in words ("2 min", "50 %"); plain numbers when absent. */
  format?: (value: number) => string;
  max?: number;
  reference?: { value: number; label: string };
}) {
  const t = useT();
  const show = format ?? ((value: number) => t.number(value));
  const cell = (value: number | string | null | undefined) =>
    typeof value === "number" ? show(value) : (value ?? t("common.notAvailable"));
  const axes = (
    <>
      <CartesianGrid strokeDasharray="3 3" />
      <XAxis dataKey="start" tickFormatter={(day: string) => t.day(day)} />
      <YAxis domain={[0, max ?? "auto"]} tickFormatter={show} allowDecimals={kind === "lines"} width={72} />
      <Tooltip labelFormatter={(day) => t.day(String(day))} formatter={(value) => cell(value as number | null)} />
      <Legend />
      {reference && <ReferenceLine y={reference.value} stroke="#b45309" label={reference.label} />}
    </>
  );
  return (
    <figure className="chart" data-chart={title}>
      <div aria-hidden="true" style={{ width: "100%", height: 260 }}>
        <ResponsiveContainer>
          {kind === "bars" ? (
            <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
              {axes}
              {series.map((s) => (
                <Bar
                  key={s.key}
                  dataKey={s.key}
                  name={s.label}
                  stackId="stack"
                  fill={s.color}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          ) : (
            <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
              {axes}
              {series.map((s) => (
                <Line
                  key={s.key}
                  dataKey={s.key}
                  name={s.label}
                  stroke={s.color}
                  strokeWidth={2}
                  dot={rows.length <= 31}
                  connectNulls={false}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          )}
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">{title}</figcaption>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t("analytics.period")}</th>
            {series.map((s) => (
              <th key={s.key} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.start}>
              <th scope="row">
                <time dateTime={row.start}>{t.day(row.start)}</time>
              </th>
              {series.map((s) => (
                <td key={s.key}>{cell(row[s.key])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
