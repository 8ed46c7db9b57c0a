import type { Citation } from "../lib/types.js";
import { Link } from "./Link.js";

export function CitationList({ citations }: { citations: Citation[] }) {
  if (citations.length === 0) return <p className="muted">No citations: the draft cites no knowledge.</p>;
  return (
    <ol className="citations" aria-label="Citations">
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
          · <Link to={`/knowledge?source=${encodeURIComponent(c.sourceId)}`}>source</Link>
        </li>
      ))}
    </ol>
  );
}
