import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { embeddedKnowledge, evaluateRetrieval } from "@support/core";
import { createOrganization, openDatabase } from "@support/db";
import { RETRIEVAL_MODES, type RetrievalMode, readBeirDataset } from "@support/knowledge";
import { CliError, type Output } from "../output.js";

export interface EvalRetrievalOptions {
  dataset: string;
  mode: string;
  k: number;
  run?: string;
}

/**
 * `skill eval retrieval`: a BEIR dataset indexed into a fresh namespace of a throwaway embedded
 * database, through the same ingest and ranking code as real sources, then scored.
 */
export async function evalRetrievalCommand(out: Output, opts: EvalRetrievalOptions) {
  if (!RETRIEVAL_MODES.includes(opts.mode as RetrievalMode)) {
    throw new CliError(`--mode must be one of ${RETRIEVAL_MODES.join(", ")}`);
  }
  if (!Number.isInteger(opts.k) || opts.k < 1) throw new CliError("--k must be a positive integer");
  const dataset = await readBeirDataset(opts.dataset).catch((error: Error) => {
    throw new CliError(`cannot read the dataset in ${opts.dataset}: ${error.message}`);
  });
  const dir = mkdtempSync(join(tmpdir(), "skill-eval-"));
  const database = await openDatabase({ dataDir: dir });
  try {
    await database.migrate();
    const org = await createOrganization(database.db, { name: "Evaluation", slug: "evaluation" });
    const showProgress = !out.json && process.stderr.isTTY;
    const result = await evaluateRetrieval(embeddedKnowledge(database.db), dataset, {
      orgId: org.id,
      namespace: `eval_${randomBytes(8).toString("hex")}`,
      mode: opts.mode as RetrievalMode,
      k: opts.k,
      onIndexed: showProgress
        ? (done) => process.stderr.write(`\rindexing ${done}/${dataset.corpus.length}`)
        : undefined,
    });
    if (showProgress) process.stderr.write("\n");
    if (opts.run) {
      const lines = [...result.run].flatMap(([query, docs]) => docs.map((doc, i) => `${query}\t${doc}\t${i + 1}`));
      writeFileSync(opts.run, `${lines.join("\n")}\n`);
    }
    const m = result.metrics;
    const summary = {
      dataset: opts.dataset,
      mode: result.mode,
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
      indexingMs: Math.round(result.indexingMs),
      run: opts.run ?? null,
    };
    out.result(summary, () => [
      `${opts.dataset}: ${result.documents} documents (${result.chunks} chunks), ${result.queries} queries, mode ${result.mode}`,
      ...Object.entries(summary.metrics).map(([name, value]) => `  ${name.padEnd(11)} ${value.toFixed(3)}`),
      `  latency     p50 ${summary.latencyMs.p50} ms, p95 ${summary.latencyMs.p95} ms (indexing ${summary.indexingMs} ms)`,
      ...(opts.run ? [`  run written to ${opts.run}`] : []),
    ]);
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const round = (value: number, digits = 4) => Number(value.toFixed(digits));
