import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useT } from "../i18n/useT.js";
import { conversationPath } from "../lib/links.js";
import { PROCEDURE_STATUS_LABEL, proceduresClient } from "../lib/procedures.js";
import { ErrorNote } from "./ErrorNote.js";
import { Link } from "./Link.js";

const STATUSES = Object.keys(PROCEDURE_STATUS_LABEL) as (keyof typeof PROCEDURE_STATUS_LABEL)[];

/**
 * Conversations a procedure owns make no drafts, so the draft queue never lists them: this filter
 * lists the conversations where a procedure left them (awaiting information, quoted, ...).
 */
export function ProcedureStatusFilter() {
  const t = useT();
  const [status, setStatus] = useState("");
  const conversations = useQuery({
    queryKey: ["conversations", "procedure", status],
    queryFn: () => proceduresClient.conversations(status),
    enabled: Boolean(status),
  });
  const rows = conversations.data?.data ?? [];
  return (
    <section aria-labelledby="procedure-filter-title">
      <h2 id="procedure-filter-title">{t("procedures.queue.title")}</h2>
      <label>
        {t("procedures.queue.status")}
        <select value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">{t("procedures.queue.choose")}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(PROCEDURE_STATUS_LABEL[s])}
            </option>
          ))}
        </select>
      </label>
      <ErrorNote error={conversations.error} />
      {status && conversations.data && rows.length === 0 && <p>{t("procedures.queue.none")}</p>}
      {rows.length > 0 && (
        <ul className="list">
          {rows.map((c) => (
            <li key={c.id}>
              <Link to={conversationPath(c.id)}>{c.subject ?? t("conversation.noSubject")}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
