import { useQuery } from "@tanstack/react-query";
import { AddKnowledgeForm } from "../components/AddKnowledgeForm.js";
import { AppPicker } from "../components/AppPicker.js";
import { EmptyState } from "../components/EmptyState.js";
import { ErrorNote } from "../components/ErrorNote.js";
import { Link } from "../components/Link.js";
import { SearchPlayground } from "../components/SearchPlayground.js";
import { useApps } from "../hooks/useData.js";
import { knowledgeClient, progressLabel } from "../lib/knowledge.js";

export function KnowledgePage({ app }: { app: string | undefined }) {
  const apps = useApps();
  const list = apps.data?.data ?? [];
  const current = app ?? list[0]?.slug;
  const sources = useQuery({
    queryKey: ["knowledge-sources", current],
    queryFn: () => knowledgeClient.sources(current ?? ""),
    enabled: Boolean(current),
  });
  if (!current) {
    return (
      <EmptyState title="No app yet">
        <p>
          <Link to="/apps">Create an app</Link> first; knowledge belongs to an app.
        </p>
      </EmptyState>
    );
  }
  const rows = sources.data?.data ?? [];
  return (
    <>
      <h1>Knowledge</h1>
      <AppPicker apps={list} current={current} />
      <ErrorNote error={sources.error} />
      <section aria-labelledby="sources-title">
        <h2 id="sources-title">Sources</h2>
        <button type="button" onClick={() => void sources.refetch()}>
          Refresh status
        </button>
        {rows.length === 0 ? (
          <p>No knowledge yet: add help articles, a help-centre URL or notes so drafts can cite them.</p>
        ) : (
          <ul className="list">
            {rows.map((s) => (
              <li key={s.id}>
                <strong>{s.title}</strong> ({s.kind}) ·{" "}
                <span className={`badge src-${s.status}`}>{progressLabel(s)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <AddKnowledgeForm app={current} />
      <SearchPlayground app={current} />
    </>
  );
}
