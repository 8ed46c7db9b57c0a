import type { KnowledgeSourceView } from "@support/contract";
import { yieldToEventLoop } from "@support/engine";
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
import { requireRole, type ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import {
  type ChunkRow,
  chunksByIds,
  deleteChunks,
  findSource,
  insertMissingChunks,
  loadDocuments,
  type SourceRow,
  saveDocuments,
  sourceChunkIds,
  updateSource,
} from "./repository.js";
import { getSource, requireSource } from "./sources.js";
import type { KnowledgeDocument } from "./types.js";

/**
 * Processing a source: pending → processing → ready | error, in four steps (fetch, chunk,
 * embed and index, finish). The workflow function runs each as a durable step with retries; the
 * CLI runs the same steps in turn. Every step reads what it needs from the database and leaves
 * its work there, so a step re-run after a crash carries on: chunk ids are content hashes, so
 * chunks already written are kept, never embedded twice.
 */

export interface Progress {
  done: number;
  total: number;
}

/** Fetches a source's documents at processing time (a crawl); uploads and entries carry theirs. */
export type DocumentFetcher = (
  source: SourceRow,
) => Promise<{ documents: KnowledgeDocument[]; skipped?: { url: string; reason: string }[] }>;

export interface CrawlSettings {
  maxPages?: number;
  maxDepth?: number;
}

/**
 * Site sources are (re-)crawled each time they are processed, through the guarded fetch (the
 * URL is the tenant's, ADR 0100); skipped pages are kept on the source.
 */
export function crawlDocuments(fetch: typeof globalThis.fetch): DocumentFetcher {
  return async (source) => {
    const settings = (source.options ?? {}) as CrawlSettings;
    const result = await crawlSite(source.uri ?? "", {
      maxPages: settings.maxPages,
      maxDepth: settings.maxDepth,
      fetch,
    });
    return { documents: result.pages, skipped: result.skipped };
  };
}

export interface ProcessOptions {
  onProgress?: (progress: Progress) => void;
  fetchDocuments?: DocumentFetcher;
  /** Leave a source that is already ready or failed alone (someone processed it since it was added). */
  skipIfSettled?: boolean;
}

/** What a step leaves: go on with the next one, or processing is over (and why). */
export type StepOutcome = "next" | "ready" | "error" | "skipped" | "gone";

const EMBED_BATCH = 64;

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

/** The source's chunks now, and which of them are not stored with the current embedder yet. */
async function plan(ctx: ServiceContext, source: SourceRow) {
  const chunks = chunkDocuments(source.id, await loadDocuments(ctx.db, ctx.org.id, source.id));
  if (chunks.length === 0) throw new AppError("invalid_input", "the source has no text to index");
  const embedder = ctx.ports.knowledge.embedder.name;
  const existing = await sourceChunkIds(ctx.db, ctx.org.id, source.id);
  const wanted = new Set(chunks.map((c) => c.id));
  return {
    chunks,
    fresh: chunks.filter((c) => existing.get(c.id) !== embedder),
    stale: [...existing.keys()].filter((id) => !wanted.has(id) || existing.get(id) !== embedder),
  };
}

/** Step 1: marks the source processing and, for a site, crawls it and stores the pages. */
async function fetchStep(ctx: ServiceContext, sourceId: string, options: ProcessOptions): Promise<StepOutcome> {
  const source = await findSource(ctx.db, ctx.org.id, sourceId);
  if (!source) return "gone";
  if (options.skipIfSettled && (source.status === "ready" || source.status === "error")) return "skipped";
  await updateSource(ctx.db, ctx.org.id, sourceId, { status: "processing", error: null, chunksDone: 0 });
  const fetcher =
    options.fetchDocuments ?? (source.kind === "url" ? crawlDocuments(ctx.ports.outbound.fetch) : undefined);
  if (!fetcher) return "next";
  const fetched = await fetcher(source);
  await ctx.db.transaction(async (tx) => {
    await saveDocuments(tx, ctx.org.id, sourceId, fetched.documents);
    await updateSource(tx, ctx.org.id, sourceId, {
      options: { ...(source.options as object | null), skipped: (fetched.skipped ?? []).slice(0, 100) },
    });
  });
  return "next";
}

/** Step 2: chunks the stored documents, drops the chunks that vanished, and records the total. */
async function chunkStep(ctx: ServiceContext, sourceId: string): Promise<StepOutcome> {
  const source = await findSource(ctx.db, ctx.org.id, sourceId);
  if (!source) return "gone";
  const { chunks, fresh, stale } = await plan(ctx, source);
  // The index first: should the rows' delete then fail, the retry still finds them to remove.
  await ctx.ports.knowledge.index.remove(ctx.org.id, source.namespace, stale);
  await deleteChunks(ctx.db, ctx.org.id, stale);
  await updateSource(ctx.db, ctx.org.id, sourceId, {
    chunksDone: chunks.length - fresh.length,
    chunksTotal: chunks.length,
  });
  return "next";
}

/**
 * Step 3: embeds the chunks not stored yet, batch by batch: into the index first, then the rows
 * (a row is the record that its chunk is indexed), then the progress.
 */
async function embedStep(ctx: ServiceContext, sourceId: string, options: ProcessOptions): Promise<StepOutcome> {
  const source = await findSource(ctx.db, ctx.org.id, sourceId);
  if (!source) return "gone";
  const { embedder, index } = ctx.ports.knowledge;
  const { chunks, fresh } = await plan(ctx, source);
  const total = chunks.length;
  let done = total - fresh.length;
  options.onProgress?.({ done, total });
  for (let i = 0; i < fresh.length; i += EMBED_BATCH) {
    const batch = fresh.slice(i, i + EMBED_BATCH);
    const vectors = await embedder.embed(batch.map((c) => embeddingText(c.title, c.text)));
    const now = new Date();
    const rows: ChunkRow[] = batch.map((c, j) => ({
      id: c.id,
      orgId: ctx.org.id,
      namespace: source.namespace,
      sourceId: source.id,
      sourceKind: source.kind,
      language: source.language,
      ordinal: c.ordinal,
      title: c.title,
      url: c.url,
      text: c.text,
      embedder: embedder.name,
      embedding: encodeVector(quantize(vectors[j] as Float32Array)),
      createdAt: now,
    }));
    const indexed: IndexedChunk[] = rows.map((r, j) => ({ ...r, vector: vectors[j] as Float32Array }));
    await index.upsert(ctx.org.id, indexed);
    await insertMissingChunks(ctx.db, ctx.org.id, rows);
    done += batch.length;
    await updateSource(ctx.db, ctx.org.id, sourceId, { chunksDone: done });
    options.onProgress?.({ done, total });
    // Embedding and SQLite both run on this thread and resolve without I/O, so without a turn of
    // the event loop a large source would hold off every request until its last batch (ADR 0045).
    await yieldToEventLoop();
  }
  return "next";
}

/** Step 4: ready. A source deleted while it was processing takes the chunks written meanwhile with it. */
async function finishStep(ctx: ServiceContext, sourceId: string): Promise<StepOutcome> {
  const source = await findSource(ctx.db, ctx.org.id, sourceId);
  const stored = [...(await sourceChunkIds(ctx.db, ctx.org.id, sourceId)).keys()];
  if (!source) {
    const [orphan] = await chunksByIds(ctx.db, ctx.org.id, stored.slice(0, 1));
    if (orphan) await ctx.ports.knowledge.index.remove(ctx.org.id, orphan.namespace, stored);
    await deleteChunks(ctx.db, ctx.org.id, stored);
    return "gone";
  }
  await updateSource(ctx.db, ctx.org.id, sourceId, {
    status: "ready",
    indexedAt: new Date(),
    chunksDone: stored.length,
    chunksTotal: stored.length,
  });
  return "ready";
}

/** The steps in order, named as the workflow function records them. */
export function processingSteps(
  ctx: ServiceContext,
  sourceId: string,
  options: ProcessOptions = {},
): [name: string, run: () => Promise<StepOutcome>][] {
  return [
    ["fetch", () => fetchStep(ctx, sourceId, options)],
    ["chunk", () => chunkStep(ctx, sourceId)],
    ["embed", () => embedStep(ctx, sourceId, options)],
    ["finish", () => finishStep(ctx, sourceId)],
  ];
}

function readableReason(error: unknown): string {
  if (error instanceof AppError || error instanceof UnsupportedContentError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `processing failed: ${message.split("\n")[0]}`;
}

/**
 * Runs one step. What the content itself refuses (nothing to index, an unreadable page, a site
 * that cannot be crawled) fails the source at once, with the reason in words; anything else
 * (the database, the vector store) is thrown for a retry, unless this was the last attempt.
 */
export async function settleStep(
  ctx: ServiceContext,
  sourceId: string,
  step: () => Promise<StepOutcome>,
  lastAttempt: boolean,
): Promise<StepOutcome> {
  try {
    return await step();
  } catch (error) {
    const final = error instanceof AppError || error instanceof UnsupportedContentError;
    if (!final && !lastAttempt) throw error;
    await updateSource(ctx.db, ctx.org.id, sourceId, { status: "error", error: readableReason(error) });
    return "error";
  }
}

/**
 * Processes a source here and now (admins only), through the same steps as the workflow
 * function, without retries: the CLI shows the progress while it waits. Answers the settled source.
 */
export async function processSource(
  ctx: ServiceContext,
  sourceId: string,
  options: ProcessOptions = {},
): Promise<KnowledgeSourceView> {
  requireRole(ctx, "admin");
  await requireSource(ctx, sourceId);
  for (const [, run] of processingSteps(ctx, sourceId, options)) {
    if ((await settleStep(ctx, sourceId, run, true)) !== "next") break;
  }
  return getSource(ctx, sourceId);
}
