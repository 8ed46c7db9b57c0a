/** The triage result as stored (category, intent, priority, confidence, flags…). */
export function TriageCard({ triage }: { triage: Record<string, unknown> }) {
  const shown = Object.entries(triage).filter(([, v]) => ["string", "number", "boolean"].includes(typeof v));
  const flags = Array.isArray(triage.flags) ? (triage.flags as string[]) : [];
  return (
    <section aria-labelledby="triage-title" className="card">
      <h2 id="triage-title">Triage</h2>
      <dl>
        {shown.map(([key, value]) => (
          <div key={key} className="pair">
            <dt>{key}</dt>
            <dd>{typeof value === "number" && value <= 1 ? value.toFixed(2) : String(value)}</dd>
          </div>
        ))}
        {flags.length > 0 && (
          <div className="pair">
            <dt>flags</dt>
            <dd>{flags.join(", ")}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
