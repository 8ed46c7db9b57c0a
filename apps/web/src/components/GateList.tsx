import { useT } from "../i18n/useT.js";
import type { GateResult } from "../lib/types.js";

export function GateList({ gates }: { gates: GateResult[] }) {
  const t = useT();
  return (
    <section aria-labelledby="gates-title" className="card">
      <h2 id="gates-title">{t("draft.gates.title")}</h2>
      {gates.length === 0 && <p className="muted">{t("draft.gates.none")}</p>}
      <ul className="gates">
        {gates.map((g) => (
          <li key={g.gate} className={g.passed ? "pass" : "fail"}>
            <strong>{g.passed ? t("draft.gates.passed") : t("draft.gates.failed")}</strong> {g.gate}
            {g.reason && <span>: {g.reason}</span>}
            {g.findings && g.findings.length > 0 && <span> ({g.findings.join(", ")})</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
