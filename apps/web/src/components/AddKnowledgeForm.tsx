import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useT } from "../i18n/useT.js";
import { knowledgeClient } from "../lib/knowledge.js";
import { ErrorNote } from "./ErrorNote.js";

/** Adds a text note, a URL to crawl or an uploaded file to the app's knowledge. */
export function AddKnowledgeForm({ app }: { app: string }) {
  const t = useT();
  const [kind, setKind] = useState<"text" | "url" | "file">("text");
  const client = useQueryClient();
  const add = useMutation({
    mutationFn: async (form: FormData) => {
      if (kind === "url") return knowledgeClient.addUrl(app, String(form.get("url")));
      if (kind === "file") return knowledgeClient.addFile(app, form.get("file") as File);
      return knowledgeClient.addText(app, String(form.get("title")), String(form.get("body")));
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ["knowledge-sources", app] }),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    add.mutate(new FormData(event.currentTarget));
    event.currentTarget.reset();
  };
  return (
    <form onSubmit={submit} className="stack card" aria-label={t("knowledge.add.label")}>
      <fieldset className="row">
        <legend>{t("knowledge.add.legend")}</legend>
        {(["text", "url", "file"] as const).map((k) => (
          <label key={k}>
            <input type="radio" name="kind" checked={kind === k} onChange={() => setKind(k)} />
            {t(k === "text" ? "knowledge.add.text" : k === "url" ? "knowledge.add.url" : "knowledge.add.file")}
          </label>
        ))}
      </fieldset>
      {kind === "text" && (
        <>
          <label>
            {t("knowledge.add.title")}
            <input name="title" required />
          </label>
          <label>
            {t("knowledge.add.text")}
            <textarea name="body" rows={5} required />
          </label>
        </>
      )}
      {kind === "url" && (
        <label>
          {t("knowledge.add.urlToCrawl")}
          <input name="url" type="url" required />
        </label>
      )}
      {kind === "file" && (
        <label>
          {t("knowledge.add.fileTypes")}
          <input name="file" type="file" required />
        </label>
      )}
      <button type="submit" className="primary" disabled={add.isPending}>
        {t("knowledge.add.submit")}
      </button>
      <ErrorNote error={add.error} />
    </form>
  );
}
