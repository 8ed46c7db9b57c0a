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
 * The embedded adapter: BM25 and dense cosine over the database's chunks, held in memory per
 * (org, namespaces) and rebuilt when the namespaces' fingerprint changes. One in-process index
 * serves SQLite and MySQL alike, so both dialects rank identically (ADR 0010).
 */
export class EmbeddedKnowledgeIndex implements KnowledgeIndex {
  readonly name = "embedded";
  private readonly cache = new Map<string, CachedIndex>();
  private readonly building = new Map<string, Promise<CachedIndex>>();

  constructor(
    private readonly db: Db,
    private readonly options: HybridIndexOptions = DEFAULT_HYBRID,
    private readonly maxCached = 32,
  ) {}

  async upsert(): Promise<void> {}

  async remove(): Promise<void> {}

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
    const fingerprint = await namespaceFingerprint(this.db, orgId, sorted);
    const cached = this.cache.get(key);
    if (cached?.fingerprint === fingerprint) return cached;
    // Concurrent queries after a change share one rebuild.
    const pending = this.building.get(key);
    if (pending) return pending;
    const build = this.build(orgId, sorted, fingerprint).finally(() => this.building.delete(key));
    this.building.set(key, build);
    const built = await build;
    this.cache.delete(key);
    this.cache.set(key, built);
    if (this.cache.size > this.maxCached) this.cache.delete(this.cache.keys().next().value as string);
    return built;
  }

  private async build(orgId: string, namespaces: string[], fingerprint: string): Promise<CachedIndex> {
    const index = new HybridIndex(this.options);
    const chunks: CachedIndex["chunks"] = [];
    for (const row of await namespaceChunks(this.db, orgId, namespaces)) {
      index.add(row.title, row.text, decodeVector(row.embedding));
      chunks.push({ id: row.id, sourceId: row.sourceId, sourceKind: row.sourceKind, language: row.language });
    }
    return { fingerprint, index, chunks };
  }
}
