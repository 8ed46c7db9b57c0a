import { useT } from "../i18n/useT.js";
import type { Citation } from "../lib/types.js";
import { Link } from "./Link.js";

export function CitationList({ citations }: { citations: Citation[] }) {
  const t = useT();
  if (citations.length === 0) return <p className="muted">{t("draft.noCitations")}</p>;
  return (
    <ol className="citations" aria-label={t("draft.citations")}>
      {citations.map((c, i) => (
        <li key={c.passageId}>
          [{i + 1}]{" "}
          {c.url ? (
            <a href={c.url} target="_blank" rel="noreferrer">
              {c.title}
            </a>
          ) : (
            c.title
          )}{" "}
          · <Link to={`/knowledge?source=${encodeURIComponent(c.sourceId)}`}>{t("draft.citationSource")}</Link>
        </li>
      ))}
    </ol>
  );
}
