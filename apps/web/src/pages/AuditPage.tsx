import { useState } from "react";
import { EmptyState } from "../components/EmptyState.js";
import { Link } from "../components/Link.js";
import { useAudit } from "../hooks/useData.js";
import { useT } from "../i18n/useT.js";
import { type AuditFilters, actionFamilies, filterAudit } from "../lib/audit-filter.js";
import { subjectLink } from "../lib/links.js";
import { roleAtLeast } from "../lib/roles.js";
import type { Role } from "../lib/types.js";

export function AuditPage({ role }: { role: Role | null }) {
  const t = useT();
  const allowed = roleAtLeast(role, "admin");
  const audit = useAudit(allowed);
  const [filters, setFilters] = useState<AuditFilters>({});
  if (!allowed) {
    return (
      <EmptyState title={t("audit.title")}>
        <p>{t("audit.forAdmins")}</p>
      </EmptyState>
    );
  }
  const entries = audit.data?.data ?? [];
  const shown = filterAudit(entries, filters);
  return (
    <>
      <h1>{t("audit.title")}</h1>
      <search className="filters" aria-label={t("audit.filter.label")}>
        <label>
          {t("audit.filter.action")}
          <select
            value={filters.action ?? ""}
            onChange={(e) => setFilters({ ...filters, action: e.target.value || undefined })}
          >
            <option value="">{t("audit.filter.allActions")}</option>
            {actionFamilies(entries).map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("audit.filter.actor")}
          <select
            value={filters.actor ?? ""}
            onChange={(e) => setFilters({ ...filters, actor: e.target.value || undefined })}
          >
            <option value="">{t("audit.filter.anyone")}</option>
            <option value="user:">{t("audit.filter.people")}</option>
            <option value="key:">{t("audit.filter.keys")}</option>
            <option value="system">{t("audit.filter.system")}</option>
          </select>
        </label>
        <label>
          {t("audit.filter.contains")}
          <input type="search" onChange={(e) => setFilters({ ...filters, text: e.target.value || undefined })} />
        </label>
      </search>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("audit.column.when")}</th>
            <th scope="col">{t("audit.filter.action")}</th>
            <th scope="col">{t("audit.filter.actor")}</th>
            <th scope="col">{t("common.subject")}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((e) => (
            <tr key={e.id}>
              <td>
                <time dateTime={e.createdAt}>{t.dateTime(e.createdAt)}</time>
              </td>
              <td>
                <code>{e.action}</code>
              </td>
              <td>{e.actor}</td>
              <td>
                <AuditSubject subject={e.subject} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Drafts and conversations open their page; other subjects (apps, keys…) stay plain ids. */
function AuditSubject({ subject }: { subject: string }) {
  const to = subjectLink(subject);
  return to ? <Link to={to}>{subject}</Link> : subject;
}
