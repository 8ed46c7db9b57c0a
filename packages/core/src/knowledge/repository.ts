import { type Db, isUniqueViolation } from "@support/db";
import { and, asc, count, eq, gt, inArray, max } from "drizzle-orm";
import type { KnowledgeDocument, SourceStatus } from "./types.js";

/** Row-level reads and writes of sources and chunks; every one is scoped by the org id. */

export type SourceRow = Db["t"]["knowledgeSources"]["$inferSelect"];
export type ChunkRow = Db["t"]["knowledgeChunks"]["$inferSelect"];

export async function insertSource(db: Db, row: SourceRow): Promise<void> {
  await db.q.insert(db.t.knowledgeSources).values(row);
}

export async function findSource(db: Db, orgId: string, id: string): Promise<SourceRow | undefined> {
  const t = db.t.knowledgeSources;
  const rows = await db.q
    .select()
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.id, id)))
    .limit(1);
  return rows[0];
}

export async function updateSource(
  db: Db,
  orgId: string,
  id: string,
  patch: Partial<Omit<SourceRow, "id" | "orgId">> & { status?: SourceStatus },
): Promise<void> {
  const t = db.t.knowledgeSources;
  await db.q
    .update(t)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(t.orgId, orgId), eq(t.id, id)));
}

export async function pageSources(
  db: Db,
  orgId: string,
  options: { namespaces?: string[]; limit: number; cursor?: string },
): Promise<SourceRow[]> {
  const t = db.t.knowledgeSources;
  return db.q
    .select()
    .from(t)
    .where(
      and(
        eq(t.orgId, orgId),
        options.namespaces ? inArray(t.namespace, options.namespaces) : undefined,
        options.cursor ? gt(t.id, options.cursor) : undefined,
      ),
    )
    .orderBy(asc(t.id))
    .limit(options.limit + 1);
}

export async function deleteSourceRow(db: Db, orgId: string, id: string): Promise<void> {
  const t = db.t.knowledgeSources;
  await db.q.delete(t).where(and(eq(t.orgId, orgId), eq(t.id, id)));
}

export async function sourceChunkIds(db: Db, orgId: string, sourceId: string): Promise<Map<string, string>> {
  const t = db.t.knowledgeChunks;
  const rows = await db.q
    .select({ id: t.id, embedder: t.embedder })
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.sourceId, sourceId)));
  return new Map(rows.map((r) => [r.id, r.embedder]));
}

const WRITE_BATCH = 200;

/**
 * Writes the chunks that are not stored yet. Chunk ids are content hashes, so a row already there
 * is this very chunk: written by an earlier attempt, or by another process indexing the same
 * source at the same time (the CLI while the server's workflow runs). Losing such a race fails
 * the whole statement, so the batch is read again and only what is still missing is written.
 */
export async function insertMissingChunks(db: Db, orgId: string, rows: ChunkRow[]): Promise<void> {
  const t = db.t.knowledgeChunks;
  for (let i = 0; i < rows.length; i += WRITE_BATCH) {
    const batch = rows.slice(i, i + WRITE_BATCH);
    for (let attempt = 1; ; attempt++) {
      const stored = await db.q
        .select({ id: t.id })
        .from(t)
        .where(
          and(
            eq(t.orgId, orgId),
            inArray(
              t.id,
              batch.map((r) => r.id),
            ),
          ),
        );
      const known = new Set(stored.map((r) => r.id));
      const missing = batch.filter((r) => !known.has(r.id));
      if (missing.length === 0) break;
      try {
        await db.q.insert(t).values(missing);
        break;
      } catch (error) {
        if (attempt >= 3 || !isUniqueViolation(error)) throw error;
      }
    }
  }
}

export async function deleteChunks(db: Db, orgId: string, ids: string[]): Promise<void> {
  const t = db.t.knowledgeChunks;
  for (let i = 0; i < ids.length; i += WRITE_BATCH) {
    await db.q.delete(t).where(and(eq(t.orgId, orgId), inArray(t.id, ids.slice(i, i + WRITE_BATCH))));
  }
}

export async function chunksByIds(db: Db, orgId: string, ids: string[]): Promise<ChunkRow[]> {
  if (ids.length === 0) return [];
  const t = db.t.knowledgeChunks;
  return db.q
    .select()
    .from(t)
    .where(and(eq(t.orgId, orgId), inArray(t.id, ids)));
}

/** Everything the embedded index needs, without the fields it never reads. */
/**
 * The namespaces' chunks in id order, a page at a time: building an index over 100k chunks never
 * holds every row's text and vector at once (ADR 0153).
 */
export async function* namespaceChunks(db: Db, orgId: string, namespaces: string[], pageSize = 5000) {
  const t = db.t.knowledgeChunks;
  let after: string | undefined;
  for (;;) {
    const page = await db.q
      .select({
        id: t.id,
        sourceId: t.sourceId,
        sourceKind: t.sourceKind,
        language: t.language,
        title: t.title,
        text: t.text,
        embedding: t.embedding,
      })
      .from(t)
      .where(
        and(eq(t.orgId, orgId), inArray(t.namespace, namespaces), after === undefined ? undefined : gt(t.id, after)),
      )
      .orderBy(asc(t.id))
      .limit(pageSize);
    yield* page;
    if (page.length < pageSize) return;
    after = page[page.length - 1]?.id;
  }
}

/**
 * Changes whenever a chunk is added or removed in these namespaces (chunks are immutable: a
 * changed chunk is a new id), so another process's writes invalidate a cached index too.
 */
export async function namespaceFingerprint(db: Db, orgId: string, namespaces: string[]): Promise<string> {
  const t = db.t.knowledgeChunks;
  const rows = await db.q
    .select({ n: count(), latest: max(t.createdAt) })
    .from(t)
    .where(and(eq(t.orgId, orgId), inArray(t.namespace, namespaces)));
  const latest = rows[0]?.latest as Date | number | string | null | undefined;
  return `${rows[0]?.n ?? 0}:${latest instanceof Date ? latest.getTime() : String(latest ?? "")}`;
}

export async function saveDocuments(db: Db, orgId: string, sourceId: string, documents: KnowledgeDocument[]) {
  const t = db.t.knowledgeDocuments;
  await db.q.delete(t).where(and(eq(t.orgId, orgId), eq(t.id, sourceId)));
  await db.q.insert(t).values({ id: sourceId, orgId, content: JSON.stringify(documents), updatedAt: new Date() });
}

export async function loadDocuments(db: Db, orgId: string, sourceId: string): Promise<KnowledgeDocument[]> {
  const t = db.t.knowledgeDocuments;
  const rows = await db.q
    .select({ content: t.content })
    .from(t)
    .where(and(eq(t.orgId, orgId), eq(t.id, sourceId)))
    .limit(1);
  return rows[0] ? (JSON.parse(rows[0].content) as KnowledgeDocument[]) : [];
}

export async function deleteDocuments(db: Db, orgId: string, sourceId: string): Promise<void> {
  const t = db.t.knowledgeDocuments;
  await db.q.delete(t).where(and(eq(t.orgId, orgId), eq(t.id, sourceId)));
}
