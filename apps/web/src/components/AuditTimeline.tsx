import { useAudit } from "../hooks/useData.js";
import { useT } from "../i18n/useT.js";

/** What happened to the drafts, oldest first: audit entries share their draft's trace id. */
export function AuditTimeline({ traceIds }: { traceIds: readonly string[] }) {
  const t = useT();
  const audit = useAudit();
  const entries = (audit.data?.data ?? []).filter((e) => e.traceId && traceIds.includes(e.traceId)).reverse();
  return (
    <section aria-labelledby="timeline-title" className="card">
      <h2 id="timeline-title">{t("draft.timeline.title")}</h2>
      {entries.length === 0 && <p className="muted">{t("draft.timeline.empty")}</p>}
      <ol className="timeline">
        {entries.map((e) => (
          <li key={e.id}>
            <time dateTime={e.createdAt}>{t.time(e.createdAt)}</time> <code>{e.action}</code> {t("draft.timeline.by")}{" "}
            {e.actor}
          </li>
        ))}
      </ol>
    </section>
  );
}
