import { stemmer } from "stemmer";

/**
 * One analyzer for every retriever, so the index and the query always agree on what a term is.
 * Lowercase, accents folded, `[a-z0-9]+` runs (the reference BM25's tokenisation), then optional
 * English stop-word removal and Porter stemming: both measured on the dev sets (ADR 0010).
 */
export interface AnalyzerOptions {
  stem: boolean;
  stopwords: boolean;
}

export const DEFAULT_ANALYZER: AnalyzerOptions = { stem: true, stopwords: true };
/** The reference protocol of the evaluation README: plain tokens, nothing removed or stemmed. */
export const PLAIN_ANALYZER: AnalyzerOptions = { stem: false, stopwords: false };

const STOPWORDS = new Set(
  (
    "a an and are as at be been but by can could did do does for from had has have how i if in into is it its " +
    "me my of on or our so than that the their them then there these they this those to was we were what when " +
    "where which who why will with would you your"
  ).split(" "),
);

export function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

export function rawTokens(text: string): string[] {
  return fold(text).match(/[a-z0-9]+/g) ?? [];
}

const stemCache = new Map<string, string>();

function stem(token: string): string {
  let stemmed = stemCache.get(token);
  if (stemmed === undefined) {
    // Numbers and very long runs (ids, hashes) are kept as they are.
    stemmed = token.length > 3 && token.length < 30 && /^[a-z]+$/.test(token) ? stemmer(token) : token;
    if (stemCache.size < 200_000) stemCache.set(token, stemmed);
  }
  return stemmed;
}

export function analyze(text: string, options: AnalyzerOptions = DEFAULT_ANALYZER): string[] {
  const out: string[] = [];
  for (const token of rawTokens(text)) {
    if (options.stopwords && STOPWORDS.has(token)) continue;
    out.push(options.stem ? stem(token) : token);
  }
  return out;
}
