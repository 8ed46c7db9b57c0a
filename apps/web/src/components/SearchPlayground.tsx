import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useT } from "../i18n/useT.js";
import { knowledgeClient, RETRIEVER_LABEL } from "../lib/knowledge.js";
import { ErrorNote } from "./ErrorNote.js";

/** Try a customer question against the app's knowledge and see which retriever found what. */
export function SearchPlayground({ app }: { app: string }) {
  const t = useT();
  const search = useMutation({
    mutationFn: ({ q, mode }: { q: string; mode: string }) => knowledgeClient.search(app, q, mode),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    search.mutate({ q: String(form.get("q")), mode: String(form.get("mode")) });
  };
  return (
    <section aria-labelledby="playground-title" className="card">
      <h2 id="playground-title">{t("knowledge.search.title")}</h2>
      <search>
        <form onSubmit={submit} className="row">
          <label>
            {t("knowledge.search.question")}
            <input name="q" required />
          </label>
          <label>
            {t("knowledge.search.retriever")}
            <select name="mode" defaultValue="hybrid">
              {(["hybrid", "bm25", "dense"] as const).map((mode) => (
                <option key={mode} value={mode}>
                  {t(RETRIEVER_LABEL[mode])}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">{t("knowledge.search.submit")}</button>
        </form>
      </search>
      <ErrorNote error={search.error} />
      {search.data && !search.data.relevant && <p role="status">{t("knowledge.search.irrelevant")}</p>}
      <ol className="list">
        {(search.data?.passages ?? []).map((p) => (
          <li key={p.id}>
            <strong>{p.title}</strong> <span className="badge">{p.retriever}</span>{" "}
            {t("knowledge.search.score", { score: t.number(p.score, 3) })}
            <p className="text">{p.text}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
