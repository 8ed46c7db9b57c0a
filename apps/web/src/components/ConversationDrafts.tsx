import { draftPath } from "../lib/links.js";
import { STATUS_LABEL } from "../lib/queue.js";
import type { Draft } from "../lib/types.js";
import { ErrorNote } from "./ErrorNote.js";
import { Link } from "./Link.js";

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

/** What the gates and citations say about a draft, in one line beside its link. */
function evidence(draft: Draft): string {
  const passed = draft.gates.filter((g) => g.passed).length;
  const actions = draft.actions.length ? ` · ${count(draft.actions.length, "proposed action")}` : "";
  return `${count(draft.citations.length, "citation")} · ${passed} of ${draft.gates.length} gates passed${actions}`;
}

/** One line of the reply, so the link reads as a sentence and not as the whole letter. */
const excerpt = (text: string) => text.replace(/\s+/g, " ").trim().slice(0, 160);

/** Every draft made for the conversation, newest first, each opening its DraftPage. */
export function ConversationDrafts({ drafts, error }: { drafts: Draft[] | undefined; error: unknown }) {
  return (
    <section aria-labelledby="drafts-title" className="card">
      <h2 id="drafts-title">Drafts</h2>
      <ErrorNote error={error} />
      {drafts?.length === 0 && <p className="muted">No draft yet.</p>}
      <ol className="thread" aria-labelledby="drafts-title">
        {drafts?.map((d) => (
          <li key={d.id} className="msg">
            <p className="meta">
              <span className={`badge status-${d.status}`}>{STATUS_LABEL[d.status]}</span> {d.category} ·{" "}
              <time dateTime={d.createdAt}>{new Date(d.createdAt).toLocaleString()}</time>
            </p>
            <p>
              <Link to={draftPath(d.id)}>{excerpt(d.sentText ?? d.text) || "(no draft: write the reply)"}</Link>
            </p>
            <p className="muted">{evidence(d)}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
