import {
  type BeirDataset,
  evaluateRun,
  percentile,
  type RetrievalMetrics,
  type RetrievalMode,
} from "@support/knowledge";
import type { KnowledgeDeps } from "./deps.js";
import { createSource, processSource } from "./ingest.js";
import { rankKnowledge } from "./search.js";

export interface RetrievalEvaluation {
  mode: RetrievalMode;
  documents: number;
  chunks: number;
  queries: number;
  metrics: RetrievalMetrics;
  latencyMs: { p50: number; p95: number };
  indexingMs: number;
  /** The top k corpus ids per query, best first. */
  run: Map<string, string[]>;
}

/**
 * Indexes a BEIR corpus into `namespace` through the same ingest path as real sources (one
 * manual source per document, chunked and embedded), then ranks every query. A document's rank
 * is that of its best chunk.
 */
export async function evaluateRetrieval(
  deps: KnowledgeDeps,
  dataset: BeirDataset,
  options: { orgId: string; namespace: string; mode: RetrievalMode; k: number; onIndexed?: (done: number) => void },
): Promise<RetrievalEvaluation> {
  const started = performance.now();
  const docOfSource = new Map<string, string>();
  let chunks = 0;
  for (const doc of dataset.corpus) {
    const source = await createSource(
      deps,
      options.orgId,
      {
        namespace: options.namespace,
        kind: "manual",
        title: doc.title || doc.id,
        documents: [{ format: "markdown", title: doc.title, url: null, markdown: doc.text }],
      },
      "eval",
    );
    const processed = await processSource(deps, options.orgId, source.id);
    chunks += processed.chunksTotal;
    docOfSource.set(source.id, doc.id);
    options.onIndexed?.(docOfSource.size);
  }
  const indexingMs = performance.now() - started;

  const run = new Map<string, string[]>();
  const latencies: number[] = [];
  for (const query of dataset.queries) {
    const t0 = performance.now();
    const hits = await rankKnowledge(deps, {
      orgId: options.orgId,
      namespaces: [options.namespace],
      query: query.text,
      mode: options.mode,
      limit: options.k * 5,
    });
    latencies.push(performance.now() - t0);
    const ranking: string[] = [];
    const seen = new Set<string>();
    for (const hit of hits) {
      const sourceId = hit.sourceId;
      const doc = docOfSource.get(sourceId);
      if (!doc || seen.has(doc)) continue;
      seen.add(doc);
      ranking.push(doc);
      if (ranking.length >= options.k) break;
    }
    run.set(query.id, ranking);
  }
  return {
    mode: options.mode,
    documents: dataset.corpus.length,
    chunks,
    queries: dataset.queries.length,
    metrics: evaluateRun(dataset.qrels, run),
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95) },
    indexingMs,
    run,
  };
}
