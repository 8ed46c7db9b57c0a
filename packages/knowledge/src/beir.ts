import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Qrels } from "./metrics.js";

export interface BeirDataset {
  corpus: { id: string; title: string; text: string }[];
  /** Only the queries that have judgements: the others cannot be scored. */
  queries: { id: string; text: string }[];
  qrels: Qrels;
}

function jsonLines(text: string, file: string): Record<string, unknown>[] {
  return text
    .split("\n")
    .filter((line) => line.trim())
    .map((line, i) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`${file}:${i + 1}: not valid JSON`);
      }
    });
}

/** Reads the BEIR layout: corpus.jsonl, queries.jsonl and qrels.tsv (with a header line). */
export async function readBeirDataset(dir: string): Promise<BeirDataset> {
  const [corpusText, judgements] = await Promise.all([
    readFile(join(dir, "corpus.jsonl"), "utf8"),
    readBeirJudgements(dir),
  ]);
  const corpus = jsonLines(corpusText, "corpus.jsonl").map((row) => ({
    id: String(row._id),
    title: typeof row.title === "string" ? row.title : "",
    text: typeof row.text === "string" ? row.text : "",
  }));
  return { corpus, ...judgements };
}

/**
 * The queries and judgements of a BEIR folder without its corpus: what an evaluation of a
 * knowledge base that already exists (a server's) needs.
 */
export async function readBeirJudgements(dir: string): Promise<Omit<BeirDataset, "corpus">> {
  const [queriesText, qrelsText] = await Promise.all(
    ["queries.jsonl", "qrels.tsv"].map((f) => readFile(join(dir, f), "utf8")),
  );
  const qrels: Qrels = new Map();
  for (const line of (qrelsText as string).split("\n").slice(1)) {
    const [query, doc, score] = line.trim().split("\t");
    if (!query || !doc) continue;
    let judged = qrels.get(query);
    if (!judged) {
      judged = new Map();
      qrels.set(query, judged);
    }
    judged.set(doc, Number(score ?? 1));
  }
  const queries = jsonLines(queriesText as string, "queries.jsonl")
    .map((row) => ({ id: String(row._id), text: String(row.text ?? "") }))
    .filter((q) => qrels.has(q.id));
  return { queries, qrels };
}
