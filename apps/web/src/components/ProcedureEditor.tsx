import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { stringify } from "yaml";
import { useT } from "../i18n/useT.js";
import { type FieldIssue, type ProcedureView, parseSource, placeIssues, proceduresClient } from "../lib/procedures.js";
import { ErrorNote } from "./ErrorNote.js";
import { SourceEditor } from "./SourceEditor.js";

/** What "New procedure" starts from: the smallest definition the schema accepts, to be filled in. */
const SKELETON = {
  key: "my-procedure",
  name: "My procedure",
  trigger: { category: "order_shipping" },
  defaultLanguage: "en",
  templates: { thanks: { en: "Thank you, {{customer.name}}: a person follows up." } },
  steps: [
    { id: "answer", kind: "message", template: "thanks" },
    { id: "to_person", kind: "handoff", reason: "a person follows up" },
  ],
};

/** Writes a definition as YAML (JSON is accepted too); the API's refusals land on their lines. */
export function ProcedureEditor({
  app,
  procedure,
  onDone,
}: {
  app: string;
  procedure: ProcedureView | null;
  onDone: () => void;
}) {
  const t = useT();
  const client = useQueryClient();
  const [text, setText] = useState(() => stringify(procedure?.definition ?? SKELETON));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const save = useMutation({
    mutationFn: (definition: unknown) => proceduresClient.save(app, { definition }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["procedures", app] });
      onDone();
    },
    onError: (error) => setIssues(placeIssues(text, error, "definition")),
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
    <section aria-labelledby="procedure-editor-title" className="card">
      <h2 id="procedure-editor-title">
        {procedure ? t("procedures.editor.editTitle", { name: procedure.name }) : t("procedures.editor.newTitle")}
      </h2>
      <p className="hint">{t("procedures.editor.hint")}</p>
      <SourceEditor label={t("procedures.editor.definition")} value={text} onChange={setText} issues={issues} />
      {issues.length === 0 && <ErrorNote error={save.error} />}
      <div className="row">
        <button type="button" onClick={submit} disabled={save.isPending}>
          {t("procedures.editor.save")}
        </button>
        <button type="button" onClick={onDone}>
          {t("procedures.editor.cancel")}
        </button>
      </div>
    </section>
  );
}
