import { useQuery } from "@tanstack/react-query";
import { AddKnowledgeForm } from "../components/AddKnowledgeForm.js";
import { AppPicker } from "../components/AppPicker.js";
import { EmptyState } from "../components/EmptyState.js";
import { ErrorNote } from "../components/ErrorNote.js";
import { Link } from "../components/Link.js";
import { SearchPlayground } from "../components/SearchPlayground.js";
import { SourceActions } from "../components/SourceActions.js";
import { useApps } from "../hooks/useData.js";
import { useT } from "../i18n/useT.js";
import { knowledgeClient, progressLabel, SOURCE_KIND_LABEL } from "../lib/knowledge.js";
import { roleAtLeast } from "../lib/roles.js";
import type { Role } from "../lib/types.js";

export function KnowledgePage({ app, role }: { app: string | undefined; role: Role | null }) {
  const t = useT();
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
      <EmptyState title={t("common.noAppYet")}>
        <p>{t.rich("knowledge.noApp", { link: (chunks) => <Link to="/apps">{chunks}</Link> })}</p>
      </EmptyState>
    );
  }
  const rows = sources.data?.data ?? [];
  return (
    <>
      <h1>{t("knowledge.title")}</h1>
      <AppPicker apps={list} current={current} />
      <ErrorNote error={sources.error} />
      <section aria-labelledby="sources-title">
        <h2 id="sources-title">{t("knowledge.sources")}</h2>
        <button type="button" onClick={() => void sources.refetch()}>
          {t("knowledge.refresh")}
        </button>
        {rows.length === 0 ? (
          <p>{t("knowledge.empty")}</p>
        ) : (
          <ul className="list">
            {rows.map((s) => (
              <li key={s.id}>
                <strong>{s.title}</strong> ({t.label(SOURCE_KIND_LABEL, s.kind)}) ·{" "}
                <span className={`badge src-${s.status}`}>{progressLabel(s, t)}</span>
                {roleAtLeast(role, "admin") && <SourceActions source={s} />}
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
