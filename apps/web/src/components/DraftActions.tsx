import { type FormEvent, useState } from "react";
import { useDraftActions } from "../hooks/useDraftActions.js";
import { isOpen } from "../lib/queue.js";
import type { Draft } from "../lib/types.js";
import { ActionList } from "./ActionList.js";
import { ErrorNote } from "./ErrorNote.js";

/**
 * The decision on a pending draft: Approve (sends; with the edited text when editing), Edit,
 * Reject (asks for a reason), Escalate. The API answers 409 when someone else decided first.
 */
export function DraftActions({
  draft,
  startEditing,
  startRejecting,
}: {
  draft: Draft;
  startEditing: boolean;
  startRejecting: boolean;
}) {
  const { approve, reject, escalate } = useDraftActions();
  const [editing, setEditing] = useState(startEditing || !draft.text);
  const [rejecting, setRejecting] = useState(startRejecting);
  const [text, setText] = useState(draft.text);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set(draft.actions.map((a) => a.id)));
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const error = approve.error ?? reject.error ?? escalate.error;
  const pending = isOpen(draft);
  const busy = approve.isPending || reject.isPending || escalate.isPending;

  const submitReject = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get("reason")).trim();
    if (reason) reject.mutate({ id: draft.id, reason }, { onSuccess: () => setRejecting(false) });
  };

  return (
    <section aria-labelledby="draft-title" className="card draft">
      <h2 id="draft-title">Draft reply</h2>
      {editing && pending ? (
        <label className="stack">
          Reply text
          {/* biome-ignore lint/a11y/noAutofocus: Edit was chosen to type into this field right away */}
          <textarea value={text} onChange={(e) => setText(e.target.value)} rows={8} autoFocus />
        </label>
      ) : (
        <p className="draft-text">{draft.sentText ?? draft.text}</p>
      )}
      <ActionList
        actions={draft.actions}
        executions={draft.executions}
        selected={pending ? selected : undefined}
        onToggle={pending ? toggle : undefined}
      />
      {pending ? (
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() =>
              approve.mutate({
                id: draft.id,
                text: editing && text !== draft.text ? text : undefined,
                actions: draft.actions.length
                  ? draft.actions.filter((a) => selected.has(a.id)).map((a) => a.id)
                  : undefined,
              })
            }
          >
            Approve
          </button>
          <button type="button" disabled={busy} onClick={() => setEditing(!editing)} aria-pressed={editing}>
            Edit
          </button>
          <button type="button" disabled={busy} onClick={() => setRejecting(true)}>
            Reject
          </button>
          <button type="button" disabled={busy} onClick={() => escalate.mutate({ id: draft.id })}>
            Escalate
          </button>
        </div>
      ) : (
        <p role="status" className="muted">
          {draft.status.replace("_", " ")}
          {draft.decidedBy ? ` by ${draft.decidedBy}` : ""}
          {draft.reason ? `: ${draft.reason}` : ""}
        </p>
      )}
      {rejecting && pending && (
        <form onSubmit={submitReject} className="stack reject" aria-label="Reject draft">
          <label>
            Reason for rejecting
            {/* biome-ignore lint/a11y/noAutofocus: Reject asks for the reason next */}
            <textarea name="reason" required rows={3} autoFocus />
          </label>
          <div className="actions">
            <button type="submit" className="danger" disabled={busy}>
              Confirm rejection
            </button>
            <button type="button" onClick={() => setRejecting(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <ErrorNote error={error} />
    </section>
  );
}
