/**
 * Calibrates retrieval's "is any of this about the question" per language, from labelled
 * evidence: for each language, the coverage and cosine thresholds (a question is relevant when
 * either is reached) that best separate the questions the knowledge answers from those it does
 * not - highest balanced accuracy, then the lowest thresholds (a false "nothing relevant" costs an
 * answer; a false "relevant" only a weaker draft that a person reviews).
 */

export interface RelevancePoint {
  language: string;
  coverage: number;
  cosine: number;
  /** The label: the knowledge answers this question. */
  answerable: boolean;
}

export interface RelevanceThresholds {
  minCoverage: number;
  minCosine: number;
}

export interface CalibratedLanguage extends RelevanceThresholds {
  answerable: number;
  unanswerable: number;
  /** Share of answerable questions judged relevant, and of the others judged not, at these thresholds. */
  truePositiveRate: number;
  trueNegativeRate: number;
}

/** Thresholds halfway between observed values (a margin on both sides), below them all and above them all. */
function candidates(values: number[]): number[] {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const middles = sorted.slice(1).map((v, i) => Math.round(((v + (sorted[i] as number)) / 2) * 1000) / 1000);
  return [0, ...middles, 2];
}

export function calibrateRelevance(points: readonly RelevancePoint[]): Record<string, CalibratedLanguage> {
  const languages = [...new Set(points.map((p) => p.language))].sort();
  return Object.fromEntries(
    languages.map((language) => {
      const mine = points.filter((p) => p.language === language);
      const positives = mine.filter((p) => p.answerable);
      const negatives = mine.filter((p) => !p.answerable);
      let best: CalibratedLanguage | undefined;
      for (const minCoverage of candidates(mine.map((p) => p.coverage))) {
        for (const minCosine of candidates(mine.map((p) => p.cosine))) {
          const relevant = (p: RelevancePoint) => p.coverage >= minCoverage || p.cosine >= minCosine;
          const tpr = positives.length ? positives.filter(relevant).length / positives.length : 1;
          const tnr = negatives.length ? negatives.filter((p) => !relevant(p)).length / negatives.length : 1;
          const score = tpr + tnr;
          const bestScore = best ? best.truePositiveRate + best.trueNegativeRate : -1;
          if (score > bestScore + 1e-9) {
            best = {
              minCoverage,
              minCosine,
              answerable: positives.length,
              unanswerable: negatives.length,
              truePositiveRate: tpr,
              trueNegativeRate: tnr,
            };
          }
        }
      }
      return [language, best as CalibratedLanguage];
    }),
  );
}
