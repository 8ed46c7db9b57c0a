import type { EvaluateKnowledgeInput, RetrievalEvaluationView } from "@support/contract";
import {
  type BeirDataset,
  evaluateRun,
  percentile,
  type Qrels,
  type RetrievalMetrics,
  type RetrievalMode,
} from "@support/knowledge";
import type { ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import { createSource } from "./add.js";
import { processSource } from "./processing.js";
import { pageSources } from "./repository.js";
import { rankKnowledge } from "./search.js";
import { resolveNamespace } from "./sources.js";
import { SHARED_NAMESPACE } from "./types.js";

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

interface Ranking {
  metrics: RetrievalMetrics;
  latencyMs: { p50: number; p95: number };
  run: Map<string, string[]>;
}

/**
 * Ranks every query over the namespaces and scores the run. The unit judged is a source: a
 * source's rank is that of its best chunk, under the id the judgements know it by (`judgedAs`).
 */
async function rankQueries(
  ctx: ServiceContext,
  input: {
    namespaces: string[];
    queries: { id: string; text: string }[];
    qrels: Qrels;
    mode: RetrievalMode;
    k: number;
    judgedAs: (sourceId: string) => string | undefined;
  },
): Promise<Ranking> {
  const run = new Map<string, string[]>();
  const latencies: number[] = [];
  for (const query of input.queries) {
    const t0 = performance.now();
    const hits = await rankKnowledge(ctx.ports.knowledge, {
      orgId: ctx.org.id,
      namespaces: input.namespaces,
      query: query.text,
      mode: input.mode,
      limit: input.k * 5,
    });
    latencies.push(performance.now() - t0);
    const ranking: string[] = [];
    for (const hit of hits) {
      const judged = input.judgedAs(hit.sourceId);
      if (!judged || ranking.includes(judged)) continue;
      ranking.push(judged);
      if (ranking.length >= input.k) break;
    }
    run.set(query.id, ranking);
  }
  return {
    metrics: evaluateRun(input.qrels, run),
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95) },
    run,
  };
}

/**
 * A BEIR dataset indexed into `namespace` through the same path as real sources (one manual
 * source per document, processed by the same steps), then every query ranked and scored. Meant
 * for a throwaway database: the sources stay.
 */
export async function evaluateRetrieval(
  ctx: ServiceContext,
  dataset: BeirDataset,
  options: {
    namespace: string;
    mode: RetrievalMode;
    k: number;
    onIndexed?: (done: number) => void;
  },
): Promise<RetrievalEvaluation> {
  const started = performance.now();
  const docOfSource = new Map<string, string>();
  let chunks = 0;
  for (const doc of dataset.corpus) {
    const source = await createSource(ctx, {
      namespace: options.namespace,
      kind: "manual",
      title: doc.title || doc.id,
      documents: [{ format: "markdown", title: doc.title, url: null, markdown: doc.text }],
    });
    chunks += (await processSource(ctx, source.id)).progress.total;
    docOfSource.set(source.id, doc.id);
    options.onIndexed?.(docOfSource.size);
  }
  const indexingMs = performance.now() - started;
  const ranking = await rankQueries(ctx, {
    namespaces: [options.namespace],
    queries: dataset.queries,
    qrels: dataset.qrels,
    mode: options.mode,
    k: options.k,
    judgedAs: (sourceId) => docOfSource.get(sourceId),
  });
  return {
    mode: options.mode,
    documents: dataset.corpus.length,
    chunks,
    queries: dataset.queries.length,
    indexingMs,
    ...ranking,
  };
}

/**
 * A test set's queries ranked over an app's knowledge as it is (its namespace and the shared
 * one), judged by source id or by the uri a source was added from; nothing is written. Any member
 * may run it: it reads what search reads.
 */
export async function evaluateKnowledge(
  ctx: ServiceContext,
  input: EvaluateKnowledgeInput,
): Promise<RetrievalEvaluationView> {
  const appNamespace = await resolveNamespace(ctx, input.app);
  const namespaces = [...new Set([appNamespace, SHARED_NAMESPACE])];
  const sources = await pageSources(ctx.db, ctx.org.id, { namespaces, limit: 100_000 });
  const judgedNames = new Set(input.qrels.map((q) => q.source));
  const nameOf = new Map<string, string>();
  for (const source of sources) {
    const byUri = source.uri && judgedNames.has(source.uri) ? source.uri : undefined;
    nameOf.set(source.id, byUri ?? source.id);
  }
  const qrels: Qrels = new Map();
  for (const { query, source, score } of input.qrels) {
    const judged = qrels.get(query) ?? new Map<string, number>();
    judged.set(source, score);
    qrels.set(query, judged);
  }
  const queries = input.queries.filter((q) => qrels.has(q.id));
  if (queries.length === 0) throw new AppError("invalid_input", "qrels: no query has a judgement");
  const ranking = await rankQueries(ctx, {
    namespaces,
    queries,
    qrels,
    mode: input.mode,
    k: input.k,
    judgedAs: (sourceId) => nameOf.get(sourceId),
  });
  return {
    mode: input.mode,
    k: input.k,
    sources: sources.length,
    chunks: sources.reduce((n, s) => n + s.chunksTotal, 0),
    queries: queries.length,
    metrics: ranking.metrics,
    latencyMs: ranking.latencyMs,
    run: Object.fromEntries(ranking.run),
  };
}
