import { contentStems, detectLanguage } from "@support/decisions";
import { decodeVector } from "@support/knowledge";
import type { ChunkRow } from "./repository.js";

/**
 * "Is any of this about the question?", per language: the share of the question's content stems
 * (without the language's question words) found in a passage, and the passage's cosine to the
 * question, each compared with thresholds calibrated per language on the answer dev sets
 * (`skill eval answers --dataset eval/answers --calibrate`, ADR 0094). The drafter, offline or
 * Claude, receives the passages either way; the verdict caps how sure an offline draft may be.
 */
export const RELEVANCE_BY_LANGUAGE: Record<string, { minCoverage: number; minCosine: number }> = {
  en: { minCoverage: 0.3, minCosine: 0.207 },
  fr: { minCoverage: 0.167, minCosine: 0.222 },
  mg: { minCoverage: 0.5, minCosine: 0.177 },
};
/** For a language no dev set calibrated: the strictest of the calibrated ones. */
export const DEFAULT_RELEVANCE = { minCoverage: 0.5, minCosine: 0.222 };

/** Below this share of the language evidence, the question's language is unknown. */
const LANGUAGE_MIN_CONFIDENCE = 0.4;

export interface RelevanceEvidence {
  language: string | null;
  /** The best passage's share of the question's content stems (0-1). */
  coverage: number;
  /** The best passage's cosine to the question. */
  cosine: number;
}

/** The evidence over the best passages (retrieval's top three). */
export function relevanceEvidence(
  query: string,
  queryVector: Float32Array,
  rows: readonly ChunkRow[],
): RelevanceEvidence {
  const detected = detectLanguage(query);
  const language = detected.language && detected.confidence >= LANGUAGE_MIN_CONFIDENCE ? detected.language : null;
  const question = contentStems(query);
  let coverage = 0;
  let cosine = 0;
  for (const row of rows.slice(0, 3)) {
    const passage = contentStems(`${row.title} ${row.text}`);
    if (question.size > 0)
      coverage = Math.max(coverage, [...question].filter((s) => passage.has(s)).length / question.size);
    const { values, scale } = decodeVector(row.embedding);
    let dot = 0;
    for (let i = 0; i < values.length; i++) dot += (values[i] as number) * scale * (queryVector[i] ?? 0);
    cosine = Math.max(cosine, dot);
  }
  return { language, coverage: round(coverage), cosine: round(cosine) };
}

const round = (v: number) => Math.round(v * 1000) / 1000;

export function isRelevant(evidence: RelevanceEvidence): boolean {
  const thresholds = (evidence.language && RELEVANCE_BY_LANGUAGE[evidence.language]) || DEFAULT_RELEVANCE;
  return evidence.coverage >= thresholds.minCoverage || evidence.cosine >= thresholds.minCosine;
}
