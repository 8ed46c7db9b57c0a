import { appendAudit, newId } from "@support/db";
import {
  type Chunk,
  chunkMarkdown,
  chunkQuestionAnswers,
  crawlSite,
  embeddingText,
  encodeVector,
  type IndexedChunk,
  quantize,
  UnsupportedContentError,
} from "@support/knowledge";
import { AppError } from "../service/errors.js";
import type { KnowledgeDeps } from "./deps.js";
import {
  type ChunkRow,
  deleteChunks,
  deleteDocuments,
  deleteSourceRow,
  findSource,
  insertChunks,
  insertSource,
  loadDocuments,
  type SourceRow,
  saveDocuments,
  sourceChunkIds,
  updateSource,
} from "./repository.js";
import type { KnowledgeDocument, SourceKind } from "./types.js";

export interface NewSource {
  namespace: string;
  kind: SourceKind;
  title: string;
  uri?: string | null;
  language?: string | null;
  /** Parsed content; absent for sources fetched at processing time (URL crawls). */
  documents?: KnowledgeDocument[];
  options?: Record<string, unknown>;
}

export interface Progress {
  done: number;
  total: number;
}

/** Fetches a source's documents at processing time (a crawl); uploads carry theirs. */
export type DocumentFetcher = (
  source: SourceRow,
) => Promise<{ documents: KnowledgeDocument[]; skipped?: { url: string; reason: string }[] }>;

export interface CrawlSettings {
  maxPages?: number;
  maxDepth?: number;
}

/** URL sources are (re-)crawled each time they are processed; skipped pages are kept on the source. */
export const crawlDocuments: DocumentFetcher = async (source) => {
  const settings = (source.options ?? {}) as CrawlSettings;
  const result = await crawlSite(source.uri ?? "", { maxPages: settings.maxPages, maxDepth: settings.maxDepth });
  return { documents: result.pages, skipped: result.skipped };
};

export interface ProcessOptions {
  onProgress?: (progress: Progress) => void;
  fetchDocuments?: DocumentFetcher;
}

const EMBED_BATCH = 64;

export async function createSource(deps: KnowledgeDeps, orgId: string, input: NewSource, actor: string) {
  const now = new Date();
  const row: SourceRow = {
    id: newId("knowledgeSource"),
    orgId,
    namespace: input.namespace,
    kind: input.kind,
    title: input.title.slice(0, 500),
    uri: input.uri ?? null,
    status: "pending",
    error: null,
    chunksDone: 0,
    chunksTotal: 0,
    language: input.language ?? null,
    options: input.options ?? null,
    createdAt: now,
    updatedAt: now,
    indexedAt: null,
  };
  await insertSource(deps.db, row);
  if (input.documents) await saveDocuments(deps.db, orgId, row.id, input.documents);
  await appendAudit(deps.db, orgId, {
    actor,
    action: "knowledge_source.created",
    subject: row.id,
    data: { kind: row.kind },
  });
  return row;
}

export function chunkDocuments(sourceId: string, documents: KnowledgeDocument[]): (Chunk & { url: string | null })[] {
  const seen = new Set<string>();
  const out: (Chunk & { url: string | null })[] = [];
  for (const doc of documents) {
    // Each page of a crawl hashes under its own URL, so equal text on two pages stays two chunks.
    const scope = doc.url ? `${sourceId}|${doc.url}` : sourceId;
    const chunks =
      doc.format === "qa" ? chunkQuestionAnswers(scope, doc.pairs) : chunkMarkdown(scope, doc.title, doc.markdown);
    for (const chunk of chunks) {
      if (seen.has(chunk.id)) continue;
      seen.add(chunk.id);
      out.push({ ...chunk, ordinal: out.length, url: doc.url });
    }
  }
  return out;
}

function readableReason(error: unknown): string {
  if (error instanceof AppError || error instanceof UnsupportedContentError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `processing failed: ${message.split("\n")[0]}`;
}

/**
 * pending → processing → ready | error. Chunk ids are content hashes, so unchanged chunks keep
 * their rows and embeddings; only new ones are embedded and only vanished ones are deleted.
 * Progress (chunks done / total) is written after every embedding batch.
 */
export async function processSource(
  deps: KnowledgeDeps,
  orgId: string,
  sourceId: string,
  options: ProcessOptions = {},
): Promise<SourceRow> {
  const source = await findSource(deps.db, orgId, sourceId);
  if (!source) throw new AppError("not_found", `knowledge source "${sourceId}" not found`);
  await updateSource(deps.db, orgId, sourceId, { status: "processing", error: null, chunksDone: 0 });
  try {
    let documents = await loadDocuments(deps.db, orgId, sourceId);
    const fetcher = options.fetchDocuments ?? (source.kind === "url" ? crawlDocuments : undefined);
    if (fetcher) {
      const fetched = await fetcher(source);
      documents = fetched.documents;
      const skipped = fetched.skipped ?? [];
      await saveDocuments(deps.db, orgId, sourceId, documents);
      await updateSource(deps.db, orgId, sourceId, {
        options: { ...(source.options as object | null), skipped: skipped.slice(0, 100) },
      });
    }
    const chunks = chunkDocuments(source.id, documents);
    if (chunks.length === 0) throw new AppError("invalid_input", "the source has no text to index");
    const existing = await sourceChunkIds(deps.db, orgId, source.id);
    const wanted = new Set(chunks.map((c) => c.id));
    const fresh = chunks.filter((c) => existing.get(c.id) !== deps.embedder.name);
    const stale = [...existing.keys()].filter((id) => !wanted.has(id) || existing.get(id) !== deps.embedder.name);
    let done = chunks.length - fresh.length;
    const total = chunks.length;
    await updateSource(deps.db, orgId, sourceId, { chunksDone: done, chunksTotal: total });
    options.onProgress?.({ done, total });

    await deleteChunks(deps.db, orgId, stale);
    await deps.index.remove(orgId, source.namespace, stale);
    for (let i = 0; i < fresh.length; i += EMBED_BATCH) {
      const batch = fresh.slice(i, i + EMBED_BATCH);
      const vectors = await deps.embedder.embed(batch.map((c) => embeddingText(c.title, c.text)));
      const now = new Date();
      const rows: ChunkRow[] = batch.map((c, j) => ({
        id: c.id,
        orgId,
        namespace: source.namespace,
        sourceId: source.id,
        sourceKind: source.kind,
        language: source.language,
        ordinal: c.ordinal,
        title: c.title,
        url: c.url,
        text: c.text,
        embedder: deps.embedder.name,
        embedding: encodeVector(quantize(vectors[j] as Float32Array)),
        createdAt: now,
      }));
      await insertChunks(deps.db, rows);
      const indexed: IndexedChunk[] = rows.map((r, j) => ({ ...r, vector: vectors[j] as Float32Array }));
      await deps.index.upsert(orgId, indexed);
      done += batch.length;
      await updateSource(deps.db, orgId, sourceId, { chunksDone: done });
      options.onProgress?.({ done, total });
    }
    await updateSource(deps.db, orgId, sourceId, { status: "ready", indexedAt: new Date() });
  } catch (error) {
    await updateSource(deps.db, orgId, sourceId, { status: "error", error: readableReason(error) });
  }
  return (await findSource(deps.db, orgId, sourceId)) as SourceRow;
}

/** Chunks and vectors go with the source. */
export async function deleteSource(deps: KnowledgeDeps, orgId: string, sourceId: string, actor: string): Promise<void> {
  const source = await findSource(deps.db, orgId, sourceId);
  if (!source) throw new AppError("not_found", `knowledge source "${sourceId}" not found`);
  const ids = [...(await sourceChunkIds(deps.db, orgId, sourceId)).keys()];
  await deleteChunks(deps.db, orgId, ids);
  await deps.index.remove(orgId, source.namespace, ids);
  await deleteDocuments(deps.db, orgId, sourceId);
  await deleteSourceRow(deps.db, orgId, sourceId);
  await appendAudit(deps.db, orgId, { actor, action: "knowledge_source.deleted", subject: sourceId });
}

export async function getSource(deps: KnowledgeDeps, orgId: string, sourceId: string): Promise<SourceRow> {
  const source = await findSource(deps.db, orgId, sourceId);
  if (!source) throw new AppError("not_found", `knowledge source "${sourceId}" not found`);
  return source;
}
