import { api, query } from "./api.js";
import type { Page } from "./types.js";

/** The knowledge API (issue 4): sources with lifecycle and progress, and a search playground. */
export interface KnowledgeSource {
  id: string;
  namespace: string;
  kind: string;
  title: string;
  uri: string | null;
  status: "pending" | "processing" | "ready" | "error";
  error: string | null;
  progress: { done: number; total: number };
  updatedAt: string;
}

export interface Passage {
  id: string;
  sourceId: string;
  title: string;
  url: string | null;
  text: string;
  score: number;
  retriever: "bm25" | "dense" | "hybrid";
}

export const knowledgeClient = {
  sources: (app: string) => api<Page<KnowledgeSource>>(`/api/v1/knowledge/sources${query({ app, limit: "100" })}`),
  addText: (app: string, title: string, body: string) =>
    api<KnowledgeSource>("/api/v1/knowledge/sources", { method: "POST", body: { app, title, body } }),
  addUrl: (app: string, url: string) =>
    api<KnowledgeSource>("/api/v1/knowledge/sources", { method: "POST", body: { app, url } }),
  addFile: async (app: string, file: File) => {
    const form = new FormData();
    form.set("app", app);
    form.set("file", file);
    const res = await fetch("/api/v1/knowledge/sources", { method: "POST", body: form, credentials: "same-origin" });
    const body = (await res.json()) as KnowledgeSource & { detail?: string };
    if (!res.ok) throw new Error(body.detail ?? res.statusText);
    return body;
  },
  search: (app: string, q: string, mode: string) =>
    api<{ passages: Passage[]; relevant: boolean }>(`/api/v1/knowledge/search${query({ app, q, k: "8", mode })}`),
};

/** "12 / 40 chunks (30%)" for a source being processed. */
export function progressLabel(source: Pick<KnowledgeSource, "status" | "progress" | "error">): string {
  if (source.status === "error") return `failed: ${source.error ?? "unknown reason"}`;
  const { done, total } = source.progress;
  if (source.status === "ready") return `ready (${total} chunks)`;
  if (total === 0) return source.status;
  return `${source.status}: ${done} / ${total} chunks (${Math.round((done / total) * 100)}%)`;
}
