import { AppPicker } from "../components/AppPicker.js";
import { EmptyState } from "../components/EmptyState.js";
import { Link } from "../components/Link.js";
import { Mailbox } from "../components/Mailbox.js";
import { useApps, useOutbox } from "../hooks/useData.js";
import { useT } from "../i18n/useT.js";
import { CHANNEL_LABEL } from "../lib/channel-fields.js";
import { roleAtLeast } from "../lib/roles.js";
import type { Role } from "../lib/types.js";

/** What would have been sent by channels without credentials (the embedded default). */
export function OutboxPage({ app, role }: { app: string | undefined; role: Role | null }) {
  const t = useT();
  const apps = useApps();
  const list = apps.data?.data ?? [];
  const current = app ?? list[0]?.slug;
  const outbox = useOutbox(current);
  const messages = outbox.data?.data ?? [];
  return (
    <>
      <h1>{t("outbox.title")}</h1>
      {list.length > 0 && <AppPicker apps={list} current={current} />}
      {messages.length === 0 ? (
        <EmptyState title={t("outbox.empty.title")}>
          <p>{t.rich("outbox.empty.body", { link: (chunks) => <Link to="/">{chunks}</Link> })}</p>
        </EmptyState>
      ) : (
        <ul className="list outbox">
          {messages.map((m) => (
            <li key={m.id} className="card">
              <p className="meta">
                {t.label(CHANNEL_LABEL, m.channel)} → {m.recipient ?? t("outbox.unknownRecipient")} ·{" "}
                <time dateTime={m.createdAt}>{t.dateTime(m.createdAt)}</time>
              </p>
              {m.subject && <p>{m.subject}</p>}
              <p className="text">{m.text}</p>
            </li>
          ))}
        </ul>
      )}
      {roleAtLeast(role, "admin") && <Mailbox />}
    </>
  );
}
