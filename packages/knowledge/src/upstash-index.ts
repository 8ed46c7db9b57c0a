import { FusionAlgorithm, Index, QueryMode, WeightingStrategy } from "@upstash/vector";
import { embeddingText, fnv1a } from "./embedder.js";
import type { ChunkHit, IndexedChunk, IndexQuery, KnowledgeFilters, KnowledgeIndex } from "./ports.js";
import { analyze } from "./text.js";

export interface UpstashIndexOptions {
  url: string;
  token: string;
  /** How Upstash fuses the dense and sparse rankings of a hybrid index. */
  fusion: "RRF" | "DBSF";
  /**
   * Let the index embed: text is sent as `data` and Upstash's configured dense and sparse
   * models make the vectors. Otherwise our embedder and analyzer make them.
   */
  hostedEmbeddings: boolean;
}

const QUERY_MODES = { bm25: QueryMode.SPARSE, dense: QueryMode.DENSE, hybrid: QueryMode.HYBRID } as const;

type Metadata = { sourceId: string; sourceKind: string; language: string };

const UPSERT_BATCH = 100;
const K1 = 1.2;

/**
 * BM25-style sparse vectors from the same analyzer as the embedded index: hashed term ids with
 * saturated term frequencies on the document side, and IDF applied by Upstash at query time.
 */
export function sparseVector(text: string, saturate: boolean): { indices: number[]; values: number[] } {
  const counts = new Map<number, number>();
  for (const term of analyze(text)) {
    const id = fnv1a(term);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const indices = [...counts.keys()].sort((a, b) => a - b);
  const values = indices.map((i) => {
    const tf = counts.get(i) as number;
    return saturate ? (tf * (K1 + 1)) / (tf + K1) : 1;
  });
  return { indices, values };
}

const quote = (value: string) => `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;

export function filterExpression(filters: KnowledgeFilters | undefined): string | undefined {
  if (!filters) return undefined;
  const parts: string[] = [];
  const inList = (field: keyof Metadata, values: string[] | undefined) => {
    if (values) parts.push(`${field} IN (${values.map(quote).join(", ")})`);
  };
  inList("sourceId", filters.sourceIds);
  inList("sourceKind", filters.kinds);
  inList("language", filters.languages);
  return parts.length > 0 ? parts.join(" AND ") : undefined;
}

/**
 * The production retrieval adapter: an Upstash Vector hybrid index (dense + sparse) through the
 * official SDK. One Upstash namespace per (organization, knowledge namespace); a search over an
 * app and the shared namespace queries both and merges the two rankings.
 */
export class UpstashKnowledgeIndex implements KnowledgeIndex {
  readonly name = "upstash";
  private readonly index: Index<Metadata>;

  constructor(private readonly options: UpstashIndexOptions) {
    this.index = new Index<Metadata>({ url: options.url, token: options.token, enableTelemetry: false });
  }

  static namespace(orgId: string, namespace: string): string {
    return `${orgId}.${namespace}`;
  }

  async upsert(orgId: string, chunks: IndexedChunk[]): Promise<void> {
    const byNamespace = new Map<string, IndexedChunk[]>();
    for (const chunk of chunks) byNamespace.set(chunk.namespace, [...(byNamespace.get(chunk.namespace) ?? []), chunk]);
    for (const [namespace, list] of byNamespace) {
      for (let i = 0; i < list.length; i += UPSERT_BATCH) {
        const items = list.slice(i, i + UPSERT_BATCH).map((c) => {
          const metadata = { sourceId: c.sourceId, sourceKind: c.sourceKind, language: c.language ?? "" };
          const text = embeddingText(c.title, c.text);
          return this.options.hostedEmbeddings
            ? { id: c.id, data: text, metadata }
            : { id: c.id, vector: Array.from(c.vector), sparseVector: sparseVector(text, true), metadata };
        });
        await this.index.upsert(items as Parameters<Index<Metadata>["upsert"]>[0], {
          namespace: UpstashKnowledgeIndex.namespace(orgId, namespace),
        });
      }
    }
  }

  async remove(orgId: string, namespace: string, chunkIds: string[]): Promise<void> {
    if (chunkIds.length === 0) return;
    await this.index.delete(chunkIds, { namespace: UpstashKnowledgeIndex.namespace(orgId, namespace) });
  }

  async query(orgId: string, namespaces: string[], query: IndexQuery): Promise<ChunkHit[]> {
    const retriever = query.mode;
    const filter = filterExpression(query.filters);
    const fusionAlgorithm = this.options.fusion === "DBSF" ? FusionAlgorithm.DBSF : FusionAlgorithm.RRF;
    // With our vectors, bm25 sends only the sparse one, dense only the dense one, hybrid both
    // (fused by Upstash); with hosted embeddings the query mode says the same.
    const payload = (
      this.options.hostedEmbeddings
        ? {
            data: query.text,
            queryMode: QUERY_MODES[query.mode],
            ...(query.mode === "hybrid" ? { fusionAlgorithm } : {}),
            topK: query.limit,
            includeMetadata: true,
            ...(filter ? { filter } : {}),
          }
        : {
            ...(query.mode !== "bm25" ? { vector: Array.from(query.vector) } : {}),
            ...(query.mode !== "dense"
              ? { sparseVector: sparseVector(query.text, false), weightingStrategy: WeightingStrategy.IDF }
              : {}),
            ...(query.mode === "hybrid" ? { fusionAlgorithm } : {}),
            topK: query.limit,
            includeMetadata: true,
            ...(filter ? { filter } : {}),
          }
    ) as Parameters<Index<Metadata>["query"]>[0];
    const lists = await Promise.all(
      [...new Set(namespaces)].map((namespace) =>
        this.index.query(payload, { namespace: UpstashKnowledgeIndex.namespace(orgId, namespace) }),
      ),
    );
    const hits = lists.flat().map((r) => ({
      chunkId: String(r.id),
      sourceId: r.metadata?.sourceId ?? "",
      score: r.score,
      retriever,
    }));
    // Each namespace is queried the same way, so scores are on one scale (cosine, IDF-weighted
    // sparse, or Upstash's fused score): the merged list is ordered by score.
    return hits.sort((a, b) => b.score - a.score).slice(0, query.limit);
  }
}
