import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { knowledgeClient } from "../lib/knowledge.js";
import { ErrorNote } from "./ErrorNote.js";

/** Adds a text note, a URL to crawl or an uploaded file to the app's knowledge. */
export function AddKnowledgeForm({ app }: { app: string }) {
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
    <form onSubmit={submit} className="stack card" aria-label="Add knowledge">
      <fieldset className="row">
        <legend>Add</legend>
        {(["text", "url", "file"] as const).map((k) => (
          <label key={k}>
            <input type="radio" name="kind" checked={kind === k} onChange={() => setKind(k)} />
            {k === "text" ? "Text" : k === "url" ? "URL" : "File"}
          </label>
        ))}
      </fieldset>
      {kind === "text" && (
        <>
          <label>
            Title
            <input name="title" required />
          </label>
          <label>
            Text
            <textarea name="body" rows={5} required />
          </label>
        </>
      )}
      {kind === "url" && (
        <label>
          URL to crawl
          <input name="url" type="url" required />
        </label>
      )}
      {kind === "file" && (
        <label>
          File (Markdown, HTML, PDF, text)
          <input name="file" type="file" required />
        </label>
      )}
      <button type="submit" className="primary" disabled={add.isPending}>
        Add knowledge
      </button>
      <ErrorNote error={add.error} />
    </form>
  );
}
