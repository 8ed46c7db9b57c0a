import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { stringify } from "yaml";
import { useT } from "../i18n/useT.js";
import {
  type FieldIssue,
  parseSource,
  placeIssues,
  proceduresClient,
  type TriageConfigView,
} from "../lib/procedures.js";
import { ErrorNote } from "./ErrorNote.js";
import { SourceEditor } from "./SourceEditor.js";

const editable = (config: TriageConfigView) =>
  stringify({
    threshold: config.threshold,
    fallbackCategory: config.fallbackCategory,
    categories: config.categories,
  });

/**
 * The app's own triage categories (description, examples, signals, risk), the confidence below
 * which triage does not trust its pick, and the fallback: one YAML text, refusals on their lines.
 */
export function CategoriesEditor({ app, canEdit }: { app: string; canEdit: boolean }) {
  const t = useT();
  const config = useQuery({ queryKey: ["categories", app], queryFn: () => proceduresClient.categories(app) });
  return (
    <section aria-labelledby="categories-title">
      <h2 id="categories-title">{t("procedures.categories.title")}</h2>
      <ErrorNote error={config.error} />
      {config.data && (
        <>
          <p>
            {config.data.custom ? t("procedures.categories.custom") : t("procedures.categories.builtIn")}{" "}
            {t("procedures.categories.threshold", { threshold: t.percent(config.data.threshold) })}
          </p>
          <ul className="list">
            {config.data.categories.map((c) => (
              <li key={c.name}>
                <strong>{c.name}</strong>: {c.description}
              </li>
            ))}
          </ul>
          {canEdit && <CategoriesForm key={config.data.updatedAt ?? "built-in"} app={app} config={config.data} />}
        </>
      )}
    </section>
  );
}

function CategoriesForm({ app, config }: { app: string; config: TriageConfigView }) {
  const t = useT();
  const client = useQueryClient();
  const [text, setText] = useState(() => editable(config));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const save = useMutation({
    mutationFn: (body: unknown) => proceduresClient.saveCategories(app, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: ["categories", app] }),
    onError: (error) => setIssues(placeIssues(text, error)),
  });
  const submit = () => {
    const parsed = parseSource(text);
    if ("error" in parsed) {
      setIssues([{ field: t("procedures.editor.syntax"), message: parsed.error, line: parsed.line }]);
      return;
    }
    setIssues([]);
    save.mutate(parsed.value);
  };
  return (
    <details>
      <summary>{t("procedures.categories.edit")}</summary>
      <SourceEditor
        label={t("procedures.categories.source")}
        value={text}
        onChange={setText}
        issues={issues}
        rows={16}
      />
      {issues.length === 0 && <ErrorNote error={save.error} />}
      {save.isSuccess && <output>{t("procedures.categories.saved")}</output>}
      <button type="button" onClick={submit} disabled={save.isPending}>
        {t("procedures.categories.save")}
      </button>
    </details>
  );
}
