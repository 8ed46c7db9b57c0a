import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useT } from "../i18n/useT.js";
import type { TrustRow } from "../lib/types.js";

/** Trust per category against the app's threshold; a table carries the same figures for screen readers. */
export function TrustChart({ rows, threshold }: { rows: TrustRow[]; threshold: number }) {
  const t = useT();
  const data = rows.map((r) => ({ category: r.category, trust: r.score ?? 0, samples: r.samples }));
  return (
    <figure className="chart">
      <div aria-hidden="true" style={{ width: "100%", height: 260 }}>
        <ResponsiveContainer>
          <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="category" />
            <YAxis domain={[0, 1]} tickFormatter={(v: number) => t.number(v)} />
            <Tooltip formatter={(value) => t.number(Number(value))} />
            <ReferenceLine y={threshold} stroke="#b45309" label={t("autonomy.threshold")} />
            <Bar dataKey="trust" name={t("autonomy.trust.trust")} fill="#1d4ed8" />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption>{t("autonomy.trust.caption")}</figcaption>
      <table className="sr-only">
        <thead>
          <tr>
            <th scope="col">{t("common.category")}</th>
            <th scope="col">{t("autonomy.trust.trust")}</th>
            <th scope="col">{t("autonomy.trust.samples")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.category}>
              <td>{r.category}</td>
              <td>{r.score === null ? t("common.notAvailable") : t.number(r.score)}</td>
              <td>{r.samples}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
