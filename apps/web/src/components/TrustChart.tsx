import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TrustRow } from "../lib/types.js";

/** Trust per category against the app's threshold; a table carries the same figures for screen readers. */
export function TrustChart({ rows, threshold }: { rows: TrustRow[]; threshold: number }) {
  const data = rows.map((r) => ({ category: r.category, trust: r.score ?? 0, samples: r.samples }));
  return (
    <figure className="chart">
      <div aria-hidden="true" style={{ width: "100%", height: 260 }}>
        <ResponsiveContainer>
          <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="category" />
            <YAxis domain={[0, 1]} />
            <Tooltip />
            <ReferenceLine y={threshold} stroke="#b45309" label="threshold" />
            <Bar dataKey="trust" fill="#1d4ed8" />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption>Trust per category (decayed, 30-day half-life); the line is the auto-send threshold.</figcaption>
      <table className="sr-only">
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col">Trust</th>
            <th scope="col">Samples</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.category}>
              <td>{r.category}</td>
              <td>{r.score === null ? "n/a" : r.score.toFixed(2)}</td>
              <td>{r.samples}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
