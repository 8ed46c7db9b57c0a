import { useT } from "../i18n/useT.js";
import { triageRows } from "../lib/triage.js";

/** The triage result as stored (category, intent, priority, confidence, flags…). */
export function TriageCard({ triage }: { triage: Record<string, unknown> }) {
  const t = useT();
  return (
    <section aria-labelledby="triage-title" className="card">
      <h2 id="triage-title">{t("draft.triage.title")}</h2>
      <dl>
        {triageRows(triage, t).map((row) => (
          <div key={row.key} className="pair">
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
