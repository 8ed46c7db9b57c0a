import { useState } from "react";
import { EmptyState } from "../components/EmptyState.js";
import { Link } from "../components/Link.js";
import { useAudit } from "../hooks/useData.js";
import { type AuditFilters, actionFamilies, filterAudit } from "../lib/audit-filter.js";
import { subjectLink } from "../lib/links.js";
import { roleAtLeast } from "../lib/roles.js";
import type { Role } from "../lib/types.js";

export function AuditPage({ role }: { role: Role | null }) {
  const allowed = roleAtLeast(role, "admin");
  const audit = useAudit(allowed);
  const [filters, setFilters] = useState<AuditFilters>({});
  if (!allowed) {
    return (
      <EmptyState title="Audit log">
        <p>The audit log is for admins and owners.</p>
      </EmptyState>
    );
  }
  const entries = audit.data?.data ?? [];
  const shown = filterAudit(entries, filters);
  return (
    <>
      <h1>Audit log</h1>
      <search className="filters" aria-label="Filter the audit log">
        <label>
          Action
          <select
            value={filters.action ?? ""}
            onChange={(e) => setFilters({ ...filters, action: e.target.value || undefined })}
          >
            <option value="">All actions</option>
            {actionFamilies(entries).map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label>
          Actor
          <select
            value={filters.actor ?? ""}
            onChange={(e) => setFilters({ ...filters, actor: e.target.value || undefined })}
          >
            <option value="">Anyone</option>
            <option value="user:">People</option>
            <option value="key:">API keys</option>
            <option value="system">System</option>
          </select>
        </label>
        <label>
          Contains
          <input type="search" onChange={(e) => setFilters({ ...filters, text: e.target.value || undefined })} />
        </label>
      </search>
      <table>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Action</th>
            <th scope="col">Actor</th>
            <th scope="col">Subject</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((e) => (
            <tr key={e.id}>
              <td>
                <time dateTime={e.createdAt}>{new Date(e.createdAt).toLocaleString()}</time>
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
