import { writeFileSync } from "node:fs";
import type { EvaluateKnowledgeInput, RetrievalEvaluationView, SearchMode } from "@support/contract";
import { SEARCH_MODES } from "@support/contract";
import { type BeirDataset, readBeirDataset, readBeirJudgements } from "@support/knowledge";
import { CliError, type Output } from "../output.js";
import type { RemoteApi } from "../remote.js";

export interface EvalRetrievalOptions {
  dataset: string;
  mode: string;
  k: number;
  run?: string;
  /** Evaluate this app's knowledge as it is (local or on the server) instead of indexing the corpus. */
  app?: string;
}

/** What either kind of evaluation reports, as the CLI prints it. */
export interface EvalResult {
  documents: number;
  chunks: number;
  queries: number;
  metrics: RetrievalEvaluationView["metrics"];
  latencyMs: { p50: number; p95: number };
  /** Null when nothing was indexed for the evaluation (an app's knowledge as it is). */
  indexingMs: number | null;
  run: Record<string, string[]>;
}

/** Ranks a test set over an app's knowledge, judged by source id or uri: the DATA_DIR's, or a server's. */
export type AppEvaluator = (input: EvaluateKnowledgeInput) => Promise<RetrievalEvaluationView>;

/** Indexes the dataset's corpus into a throwaway database, then ranks and scores. */
export type CorpusEvaluator = (
  dataset: BeirDataset,
  opts: { mode: SearchMode; k: number; onIndexed?: (done: number) => void },
) => Promise<EvalResult>;

/** The server ranks every query in one request (its own latency, without the network) and stores nothing. */
export function remoteEvaluator(api: RemoteApi): AppEvaluator {
  return (input) =>
    api.request<RetrievalEvaluationView>("POST", "/api/v1/knowledge/evaluate", input, { timeoutMs: 10 * 60_000 });
}

function validate(opts: EvalRetrievalOptions): SearchMode {
  if (!SEARCH_MODES.includes(opts.mode as SearchMode)) {
    throw new CliError(`--mode must be one of ${SEARCH_MODES.join(", ")}`);
  }
  if (!Number.isInteger(opts.k) || opts.k < 1) throw new CliError("--k must be a positive integer");
  return opts.mode as SearchMode;
}

const unreadable = (dir: string) => (error: Error) => {
  throw new CliError(`cannot read the dataset in ${dir}: ${error.message}`);
};

/** With `--app`: the dataset's queries and judgements only; its corpus is the app's knowledge. */
async function evaluateApp(opts: EvalRetrievalOptions & { app: string }, mode: SearchMode, evaluate: AppEvaluator) {
  const { queries, qrels } = await readBeirJudgements(opts.dataset).catch(unreadable(opts.dataset));
  const judgements = [...qrels].flatMap(([query, judged]) =>
    [...judged].map(([source, score]) => ({ query, source, score })),
  );
  if (judgements.length === 0) throw new CliError(`${opts.dataset}/qrels.tsv has no judgement`);
  const result = await evaluate({ app: opts.app, mode, k: opts.k, queries, qrels: judgements });
  return { ...result, documents: result.sources, indexingMs: null };
}

/**
 * `skill eval retrieval`: a BEIR dataset's queries ranked and scored (nDCG, recall, MRR, MAP,
 * P@1). Without `--app` its corpus is indexed into a throwaway database through the same ingest
 * and ranking code as real sources; with `--app` the app's knowledge is evaluated as it is.
 */
export async function evalRetrievalCommand(
  out: Output,
  opts: EvalRetrievalOptions,
  evaluators: { corpus?: CorpusEvaluator; app?: AppEvaluator },
) {
  const mode = validate(opts);
  const showProgress = !out.json && process.stderr.isTTY;
  let result: EvalResult;
  if (opts.app) {
    if (!evaluators.app) throw new CliError("eval retrieval --app needs a data folder or a server");
    result = await evaluateApp({ ...opts, app: opts.app }, mode, evaluators.app);
  } else {
    if (!evaluators.corpus) throw new CliError("eval retrieval without --app indexes the dataset locally");
    const dataset = await readBeirDataset(opts.dataset).catch(unreadable(opts.dataset));
    const total = dataset.corpus.length;
    result = await evaluators.corpus(dataset, {
      mode,
      k: opts.k,
      onIndexed: showProgress ? (done) => process.stderr.write(`\rindexing ${done}/${total}`) : undefined,
    });
    if (showProgress) process.stderr.write("\n");
  }
  if (opts.run) {
    const lines = Object.entries(result.run).flatMap(([query, docs]) =>
      docs.map((doc, i) => `${query}\t${doc}\t${i + 1}`),
    );
    writeFileSync(opts.run, `${lines.join("\n")}\n`);
  }
  const m = result.metrics;
  const summary = {
    dataset: opts.dataset,
    app: opts.app ?? null,
    mode,
    k: opts.k,
    documents: result.documents,
    chunks: result.chunks,
    queries: result.queries,
    metrics: {
      "nDCG@10": round(m.ndcg10),
      "Recall@10": round(m.recall10),
      "Recall@100": round(m.recall100),
      "MRR@10": round(m.mrr10),
      MAP: round(m.map),
      "P@1": round(m.p1),
    },
    latencyMs: { p50: round(result.latencyMs.p50, 2), p95: round(result.latencyMs.p95, 2) },
    indexingMs: result.indexingMs === null ? null : Math.round(result.indexingMs),
    run: opts.run ?? null,
  };
  const corpus = opts.app ? `app ${opts.app}: ${result.documents} sources` : `${result.documents} documents`;
  out.result(summary, () => [
    `${opts.dataset}: ${corpus} (${result.chunks} chunks), ${result.queries} queries, mode ${mode}`,
    ...Object.entries(summary.metrics).map(([name, value]) => `  ${name.padEnd(11)} ${value.toFixed(3)}`),
    `  latency     p50 ${summary.latencyMs.p50} ms, p95 ${summary.latencyMs.p95} ms${summary.indexingMs === null ? "" : ` (indexing ${summary.indexingMs} ms)`}`,
    ...(opts.run ? [`  run written to ${opts.run}`] : []),
  ]);
}

const round = (value: number, digits = 4) => Number(value.toFixed(digits));
