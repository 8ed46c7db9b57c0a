import type { Db } from "@support/db";
import {
  type ChunkHit,
  DEFAULT_HYBRID,
  decodeVector,
  HybridIndex,
  type HybridIndexOptions,
  type IndexQuery,
  type KnowledgeFilters,
  type KnowledgeIndex,
} from "@support/knowledge";
import { namespaceChunks, namespaceFingerprint } from "./repository.js";

interface CachedIndex {
  fingerprint: string;
  /** When the fingerprint was last read from the database, and the local writes seen then. */
  checkedAt: number;
  writes: number;
  index: HybridIndex;
  chunks: { id: string; sourceId: string; sourceKind: string; language: string | null }[];
}

function matches(filters: KnowledgeFilters | undefined, chunk: CachedIndex["chunks"][number]): boolean {
  if (!filters) return true;
  if (filters.sourceIds && !filters.sourceIds.includes(chunk.sourceId)) return false;
  if (filters.kinds && !filters.kinds.includes(chunk.sourceKind)) return false;
  if (filters.languages && !filters.languages.includes(chunk.language ?? "")) return false;
  return true;
}

/**
 * Writes to chunks through any embedded index of this process, per database: a query after a
 * local write always re-reads the fingerprint (ADR 0153).
 */
const localWrites = new WeakMap<Db, number>();
const noteWrite = (db: Db) => localWrites.set(db, (localWrites.get(db) ?? 0) + 1);

/**
 * The embedded adapter: BM25 and dense cosine over the database's chunks, held in memory per
 * (org, namespaces) and rebuilt when the namespaces' fingerprint changes. One in-process index
 * serves SQLite and MySQL alike, so both dialects rank identically (ADR 0010).
 *
 * The fingerprint (a count and a latest date over every chunk of the namespaces) costs a scan
 * that grows with the corpus, so a query re-reads it only after a write in this process or when
 * the last reading is older than `recheckMs`: another process's writes show within that delay.
 */
export class EmbeddedKnowledgeIndex implements KnowledgeIndex {
  readonly name = "embedded";
  private readonly cache = new Map<string, CachedIndex>();
  private readonly building = new Map<string, Promise<CachedIndex>>();

  constructor(
    private readonly db: Db,
    private readonly options: HybridIndexOptions = DEFAULT_HYBRID,
    private readonly maxCached = 32,
    private readonly recheckMs = 1000,
  ) {}

  async upsert(): Promise<void> {
    noteWrite(this.db);
  }

  async remove(): Promise<void> {
    noteWrite(this.db);
  }

  async query(orgId: string, namespaces: string[], query: IndexQuery): Promise<ChunkHit[]> {
    const cached = await this.load(orgId, namespaces);
    const accept = query.filters
      ? (doc: number) => matches(query.filters, cached.chunks[doc] as CachedIndex["chunks"][number])
      : undefined;
    return cached.index
      .search({ text: query.text, vector: query.vector }, query.mode, query.limit, accept)
      .map((hit) => {
        const chunk = cached.chunks[hit.doc] as CachedIndex["chunks"][number];
        return { chunkId: chunk.id, sourceId: chunk.sourceId, score: hit.score, retriever: hit.retriever };
      });
  }

  private async load(orgId: string, namespaces: string[]): Promise<CachedIndex> {
    const sorted = [...new Set(namespaces)].sort();
    const key = `${orgId}|${sorted.join(",")}`;
    const cached = this.cache.get(key);
    const writes = localWrites.get(this.db) ?? 0;
    const now = Date.now();
    if (cached && cached.writes === writes && now - cached.checkedAt < this.recheckMs) return cached;
    const fingerprint = await namespaceFingerprint(this.db, orgId, sorted);
    if (cached?.fingerprint === fingerprint) {
      cached.checkedAt = now;
      cached.writes = writes;
      return cached;
    }
    // Concurrent queries after a change share one rebuild.
    const pending = this.building.get(key);
    if (pending) return pending;
    const build = this.build(orgId, sorted, fingerprint, { checkedAt: now, writes }).finally(() =>
      this.building.delete(key),
    );
    this.building.set(key, build);
    const built = await build;
    this.cache.delete(key);
    this.cache.set(key, built);
    if (this.cache.size > this.maxCached) this.cache.delete(this.cache.keys().next().value as string);
    return built;
  }

  private async build(
    orgId: string,
    namespaces: string[],
    fingerprint: string,
    checked: { checkedAt: number; writes: number },
  ): Promise<CachedIndex> {
    const index = new HybridIndex(this.options);
    const chunks: CachedIndex["chunks"] = [];
    for await (const row of namespaceChunks(this.db, orgId, namespaces)) {
      index.add(row.title, row.text, decodeVector(row.embedding));
      chunks.push({ id: row.id, sourceId: row.sourceId, sourceKind: row.sourceKind, language: row.language });
    }
    return { fingerprint, ...checked, index, chunks };
  }
}
