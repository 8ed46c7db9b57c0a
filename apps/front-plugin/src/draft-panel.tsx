import type { DraftView } from "@support/contract";
import { useState } from "preact/hooks";
import { ApiProblem, type PluginApi } from "./api.js";

const OPEN = ["pending_approval", "declined"];

function Gates({ draft }: { draft: DraftView }) {
  if (draft.gates.length === 0) return <p class="muted">No validation gates recorded.</p>;
  return (
    <ul class="gates" aria-label="Validation gates">
      {draft.gates.map((g) => (
        <li key={g.gate} class={g.passed ? "pass" : "fail"}>
          {g.passed ? "✓" : "✗"} {g.gate}
          {g.reason ? `: ${g.reason}` : ""}
        </li>
      ))}
    </ul>
  );
}

function Trust({ draft }: { draft: DraftView }) {
  const d = draft.decision;
  const verdict = d.autoSend ? "Auto-sent by policy" : d.wouldAutoSend ? "Would auto-send (shadow)" : "Needs a person";
  return (
    <section aria-label="Trust decision">
      <h3>Trust decision</h3>
      <p>
        <strong>{verdict}</strong> · {draft.category}
      </p>
      <ul class="checks">
        {(d.checks ?? []).map((c) => (
          <li key={c.condition} class={c.passed ? "pass" : "fail"}>
            {c.passed ? "✓" : "✗"} {c.condition}: {c.detail}
          </li>
        ))}
        {(d.checks ?? []).length === 0 && (d.reasons ?? []).map((r) => <li key={r}>{r}</li>)}
      </ul>
    </section>
  );
}

function Customer({ draft }: { draft: DraftView }) {
  const customer = draft.customer;
  if (!customer) return <p class="muted">No product-app data for this customer.</p>;
  return (
    <section aria-label="Customer data">
      <h3>Customer</h3>
      {customer.user ? (
        <p>
          {customer.user.name ?? customer.user.id} {customer.user.email ? `· ${customer.user.email}` : ""}
        </p>
      ) : (
        <p class="muted">Not found in the product app.</p>
      )}
      <ul>
        {customer.purchases.map((p) => (
          <li key={p.id}>
            {p.productName}: {(p.amount / 100).toFixed(2)} {p.currency} ({p.status})
          </li>
        ))}
        {customer.subscriptions.map((s) => (
          <li key={s.id}>
            {s.plan} ({s.status})
          </li>
        ))}
        {customer.failures.map((f) => (
          <li key={f.action} class="fail">
            {f.action} failed: {f.error}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * One draft as the dashboard shows it, and the decisions on it. A decision is sent once: the
 * buttons lock while it is in flight, and a draft decided elsewhere meanwhile (409) is reloaded.
 */
export function DraftPanel({ api, draft, reload }: { api: PluginApi; draft: DraftView; reload: () => void }) {
  const [text, setText] = useState(draft.text);
  const [chosen, setChosen] = useState<string[]>(draft.actions.filter((a) => a.approved).map((a) => a.id));
  const [reason, setReason] = useState("");
  const [rejecting, setRejecting] = useState(false);
  const [redrafting, setRedrafting] = useState(false);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | undefined>();
  const open = OPEN.includes(draft.status);

  async function decide(run: () => Promise<DraftView>, done: string) {
    setBusy(true);
    setNotice(undefined);
    try {
      await run();
      setNotice(done);
    } catch (error) {
      setNotice(
        error instanceof ApiProblem && error.code === "conflict"
          ? "Someone already decided on this draft."
          : (error as Error).message,
      );
    } finally {
      setBusy(false);
      reload();
    }
  }

  const toggle = (id: string) => setChosen((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

  return (
    <article aria-label="Draft" data-draft={draft.id}>
      <p class={`status status-${draft.status}`} data-status={draft.status}>
        Draft: {draft.status.replace("_", " ")}
        {draft.decidedBy ? ` by ${draft.decidedBy} via ${draft.decidedVia ?? "?"}` : ""}
      </p>
      {notice && (
        <p role="status" class="notice">
          {notice}
        </p>
      )}
      <label for="reply">Reply</label>
      <textarea
        id="reply"
        rows={8}
        value={open ? text : (draft.sentText ?? draft.text)}
        readOnly={!open}
        onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
      />
      <section aria-label="Citations">
        <h3>Citations</h3>
        {draft.citations.length === 0 ? (
          <p class="muted">No citations.</p>
        ) : (
          <ol>
            {draft.citations.map((c) => (
              <li key={c.passageId}>
                {c.url ? (
                  <a href={c.url} target="_blank" rel="noreferrer">
                    {c.title}
                  </a>
                ) : (
                  c.title
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-label="Gates">
        <h3>Gates</h3>
        <Gates draft={draft} />
      </section>
      <Trust draft={draft} />
      <Customer draft={draft} />
      {draft.actions.length > 0 && (
        <fieldset disabled={!open}>
          <legend>Proposed actions (run only the ones you tick)</legend>
          {draft.actions.map((a) => (
            <label key={a.id} class="action">
              <input type="checkbox" checked={chosen.includes(a.id)} onChange={() => toggle(a.id)} />
              {a.action} · {a.reason} <span class="muted">({a.risk.replaceAll("_", " ")})</span>
            </label>
          ))}
        </fieldset>
      )}
      {open && (
        <div class="buttons">
          <button
            type="button"
            disabled={busy || !text.trim()}
            onClick={() =>
              decide(
                () => api.approve(draft.id, { text, actions: chosen }),
                text === draft.text
                  ? "Approved: the reply is on its way."
                  : "Edited and approved: the reply is on its way.",
              )
            }
          >
            {text === draft.text ? "Approve and send" : "Send edited reply"}
          </button>
          <button type="button" class="secondary" disabled={busy} onClick={() => setRejecting(!rejecting)}>
            Reject…
          </button>
          <button type="button" class="secondary" disabled={busy} onClick={() => setRedrafting(!redrafting)}>
            New draft…
          </button>
        </div>
      )}
      {open && redrafting && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void decide(() => api.redraft(draft.id, note), "A new draft was requested.");
          }}
        >
          <label for="note">What should change? (optional)</label>
          <input id="note" value={note} onInput={(e) => setNote((e.target as HTMLInputElement).value)} />
          <button type="submit" disabled={busy}>
            Ask for a new draft
          </button>
        </form>
      )}
      {open && rejecting && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void decide(() => api.reject(draft.id, reason), "Rejected: the conversation goes to a person.");
          }}
        >
          <label for="reason">Why is this draft wrong?</label>
          <input id="reason" value={reason} onInput={(e) => setReason((e.target as HTMLInputElement).value)} />
          <button type="submit" disabled={busy || !reason.trim()}>
            Reject draft
          </button>
        </form>
      )}
    </article>
  );
}
