import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { knowledgeClient } from "../lib/knowledge.js";
import { ErrorNote } from "./ErrorNote.js";

/** Try a customer question against the app's knowledge and see which retriever found what. */
export function SearchPlayground({ app }: { app: string }) {
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
      <h2 id="playground-title">Search playground</h2>
      <search>
        <form onSubmit={submit} className="row">
          <label>
            Question
            <input name="q" required />
          </label>
          <label>
            Retriever
            <select name="mode" defaultValue="hybrid">
              <option value="hybrid">hybrid</option>
              <option value="bm25">bm25 (keywords)</option>
              <option value="dense">dense (meaning)</option>
            </select>
          </label>
          <button type="submit">Search</button>
        </form>
      </search>
      <ErrorNote error={search.error} />
      {search.data && !search.data.relevant && <p role="status">Nothing passes the relevance threshold.</p>}
      <ol className="list">
        {(search.data?.passages ?? []).map((p) => (
          <li key={p.id}>
            <strong>{p.title}</strong> <span className="badge">{p.retriever}</span> score {p.score.toFixed(3)}
            <p className="text">{p.text}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
