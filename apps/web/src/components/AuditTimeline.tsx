import { useAudit } from "../hooks/useData.js";

/** What happened to the drafts, oldest first: audit entries share their draft's trace id. */
export function AuditTimeline({ traceIds }: { traceIds: readonly string[] }) {
  const audit = useAudit();
  const entries = (audit.data?.data ?? []).filter((e) => e.traceId && traceIds.includes(e.traceId)).reverse();
  return (
    <section aria-labelledby="timeline-title" className="card">
      <h2 id="timeline-title">Timeline</h2>
      {entries.length === 0 && <p className="muted">No audit entries visible to you.</p>}
      <ol className="timeline">
        {entries.map((e) => (
          <li key={e.id}>
            <time dateTime={e.createdAt}>{new Date(e.createdAt).toLocaleTimeString()}</time> <code>{e.action}</code> by{" "}
            {e.actor}
          </li>
        ))}
      </ol>
    </section>
  );
}
