import type { Translator } from "../i18n/translator.js";
import { useT } from "../i18n/useT.js";
import { draftPath } from "../lib/links.js";
import { STATUS_LABEL } from "../lib/queue.js";
import type { Draft } from "../lib/types.js";
import { ErrorNote } from "./ErrorNote.js";
import { Link } from "./Link.js";

/** What the gates and citations say about a draft, in one line beside its link. */
function evidence(draft: Draft, t: Translator): string {
  const values = {
    citations: draft.citations.length,
    passed: draft.gates.filter((g) => g.passed).length,
    gates: draft.gates.length,
  };
  return draft.actions.length
    ? t("conversation.evidenceActions", { ...values, actions: draft.actions.length })
    : t("conversation.evidence", values);
}

/** One line of the reply, so the link reads as a sentence and not as the whole letter. */
const excerpt = (text: string) => text.replace(/\s+/g, " ").trim().slice(0, 160);

/** Every draft made for the conversation, newest first, each opening its DraftPage. */
export function ConversationDrafts({ drafts, error }: { drafts: Draft[] | undefined; error: unknown }) {
  const t = useT();
  return (
    <section aria-labelledby="drafts-title" className="card">
      <h2 id="drafts-title">{t("conversation.drafts")}</h2>
      <ErrorNote error={error} />
      {drafts?.length === 0 && <p className="muted">{t("conversation.noDraft")}</p>}
      <ol className="thread" aria-labelledby="drafts-title">
        {drafts?.map((d) => (
          <li key={d.id} className="msg">
            <p className="meta">
              <span className={`badge status-${d.status}`}>{t(STATUS_LABEL[d.status])}</span> {d.category} ·{" "}
              <time dateTime={d.createdAt}>{t.dateTime(d.createdAt)}</time>
            </p>
            <p>
              <Link to={draftPath(d.id)}>{excerpt(d.sentText ?? d.text) || t("queue.noDraftText")}</Link>
            </p>
            <p className="muted">{evidence(d, t)}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
