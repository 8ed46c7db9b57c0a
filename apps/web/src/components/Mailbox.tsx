import { useQuery } from "@tanstack/react-query";
import { useT } from "../i18n/useT.js";
import { api } from "../lib/api.js";
import type { Page, PlatformMail } from "../lib/types.js";
import { ErrorNote } from "./ErrorNote.js";

/** The embedded mailbox: the organization's emails to people (admins; password links never listed). */
export function Mailbox() {
  const t = useT();
  const mails = useQuery({
    queryKey: ["mailbox"],
    queryFn: () => api<Page<PlatformMail>>("/api/v1/outbox/mails?limit=50"),
  });
  const rows = mails.data?.data ?? [];
  return (
    <section aria-labelledby="mailbox-title">
      <h2 id="mailbox-title">{t("account.mailbox.title")}</h2>
      <p>{t("account.mailbox.hint")}</p>
      <ErrorNote error={mails.error} />
      {rows.length === 0 ? (
        <p>{t("account.mailbox.empty")}</p>
      ) : (
        <ul className="list outbox">
          {rows.map((m) => (
            <li key={m.id} className="card">
              <p className="meta">
                {t("account.mailbox.to", { recipient: m.recipient })} ·{" "}
                <time dateTime={m.createdAt}>{t.dateTime(m.createdAt)}</time>
              </p>
              <p className="text">{m.subject}</p>
              <p className="text">{m.text}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
