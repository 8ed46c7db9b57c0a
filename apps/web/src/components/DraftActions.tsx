import { type FormEvent, useState } from "react";
import { useDraftActions } from "../hooks/useDraftActions.js";
import type { Translator } from "../i18n/translator.js";
import { useT } from "../i18n/useT.js";
import { describeActor } from "../lib/decision.js";
import { isOpen, STATUS_LABEL } from "../lib/queue.js";
import type { Draft } from "../lib/types.js";
import { ActionList } from "./ActionList.js";
import { ErrorNote } from "./ErrorNote.js";

/** "Rejected by a teammate (usr_1): reason" for a decided draft; the reason is the decider's words. */
function decidedLine(draft: Draft, t: Translator): string {
  const status = t(STATUS_LABEL[draft.status]);
  const actor = draft.decidedBy ? describeActor(draft.decidedBy, t) : null;
  const reason = draft.reason;
  if (actor && reason) return t("draft.decidedByReason", { status, actor, reason });
  if (actor) return t("draft.decidedBy", { status, actor });
  if (reason) return t("draft.decidedReason", { status, reason });
  return status;
}

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
  const t = useT();
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
      <h2 id="draft-title">{t("draft.title")}</h2>
      {editing && pending ? (
        <label className="stack">
          {t("draft.replyText")}
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
            {t("draft.approve")}
          </button>
          <button type="button" disabled={busy} onClick={() => setEditing(!editing)} aria-pressed={editing}>
            {t("draft.edit")}
          </button>
          <button type="button" disabled={busy} onClick={() => setRejecting(true)}>
            {t("draft.reject")}
          </button>
          <button type="button" disabled={busy} onClick={() => escalate.mutate({ id: draft.id })}>
            {t("draft.escalate")}
          </button>
        </div>
      ) : (
        <p role="status" className="muted">
          {decidedLine(draft, t)}
        </p>
      )}
      {rejecting && pending && (
        <form onSubmit={submitReject} className="stack reject" aria-label={t("draft.rejectForm")}>
          <label>
            {t("draft.rejectReason")}
            {/* biome-ignore lint/a11y/noAutofocus: Reject asks for the reason next */}
            <textarea name="reason" required rows={3} autoFocus />
          </label>
          <div className="actions">
            <button type="submit" className="danger" disabled={busy}>
              {t("draft.confirmRejection")}
            </button>
            <button type="button" onClick={() => setRejecting(false)}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      )}
      <ErrorNote error={error} />
    </section>
  );
}
