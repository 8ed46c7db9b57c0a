import type { MessageId, Translator } from "../i18n/translator.js";
import { ApiError, api, query, request } from "./api.js";
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
    const res = await request("/api/v1/knowledge/sources", { method: "POST", body: form });
    const body = (await res.json()) as KnowledgeSource & { code?: string; detail?: string };
    if (!res.ok) throw new ApiError(res.status, body.code ?? String(res.status), body.detail ?? res.statusText);
    return body;
  },
  remove: (id: string) => api<unknown>(`/api/v1/knowledge/sources/${encodeURIComponent(id)}`, { method: "DELETE" }),
  resync: (id: string) =>
    api<KnowledgeSource>(`/api/v1/knowledge/sources/${encodeURIComponent(id)}/resync`, { method: "POST" }),
  search: (app: string, q: string, mode: string) =>
    api<{ passages: Passage[]; relevant: boolean }>(`/api/v1/knowledge/search${query({ app, q, k: "8", mode })}`),
};

/** The retrievers by name; a badge shows which one found a passage. */
export const RETRIEVER_LABEL: Record<Passage["retriever"], MessageId> = {
  hybrid: "knowledge.search.hybrid",
  bm25: "knowledge.search.bm25",
  dense: "knowledge.search.dense",
};

export const SOURCE_KIND_LABEL: Partial<Record<string, MessageId>> = {
  text: "knowledge.kind.text",
  url: "knowledge.kind.url",
  file: "knowledge.kind.file",
};

const IN_PROGRESS: Record<"pending" | "processing", MessageId> = {
  pending: "knowledge.progress.pending",
  processing: "knowledge.progress.processing",
};

/** "processing: 12 / 40 chunks (30%)" for a source being processed. */
export function progressLabel(source: Pick<KnowledgeSource, "status" | "progress" | "error">, t: Translator): string {
  if (source.status === "error") {
    return t("knowledge.progress.error", { error: source.error ?? t("knowledge.progress.unknownError") });
  }
  const { done, total } = source.progress;
  if (source.status === "ready") return t("knowledge.progress.ready", { total });
  const status = t(IN_PROGRESS[source.status]);
  if (total === 0) return status;
  return t("knowledge.progress.partial", { status, done, total, percent: t.percent(done / total) });
}
