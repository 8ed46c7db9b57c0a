import type { GateResult } from "../lib/types.js";

export function GateList({ gates }: { gates: GateResult[] }) {
  return (
    <section aria-labelledby="gates-title" className="card">
      <h2 id="gates-title">Validation gates</h2>
      {gates.length === 0 && <p className="muted">No gates ran.</p>}
      <ul className="gates">
        {gates.map((g) => (
          <li key={g.gate} className={g.passed ? "pass" : "fail"}>
            <strong>{g.passed ? "✓ Passed" : "✗ Failed"}</strong> {g.gate}
            {g.reason && <span>: {g.reason}</span>}
            {g.findings && g.findings.length > 0 && <span> ({g.findings.join(", ")})</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
