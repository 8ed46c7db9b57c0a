import { AppPicker } from "../components/AppPicker.js";
import { EmptyState } from "../components/EmptyState.js";
import { Link } from "../components/Link.js";
import { useApps, useOutbox } from "../hooks/useData.js";

/** What would have been sent by channels without credentials (the embedded default). */
export function OutboxPage({ app }: { app: string | undefined }) {
  const apps = useApps();
  const list = apps.data?.data ?? [];
  const current = app ?? list[0]?.slug;
  const outbox = useOutbox(current);
  const messages = outbox.data?.data ?? [];
  return (
    <>
      <h1>Sandbox outbox</h1>
      {list.length > 0 && <AppPicker apps={list} current={current} />}
      {messages.length === 0 ? (
        <EmptyState title="Nothing sent yet">
          <p>
            Approved replies on channels without credentials land here instead of reaching customers. Approve a draft in
            the <Link to="/">review queue</Link>.
          </p>
        </EmptyState>
      ) : (
        <ul className="list outbox">
          {messages.map((m) => (
            <li key={m.id} className="card">
              <p className="meta">
                {m.channel} → {m.recipient ?? "unknown recipient"} ·{" "}
                <time dateTime={m.createdAt}>{new Date(m.createdAt).toLocaleString()}</time>
              </p>
              {m.subject && <p>{m.subject}</p>}
              <p className="text">{m.text}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
