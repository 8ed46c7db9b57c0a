import { stemOf } from "../text/notions.js";
import { words } from "../text/text.js";

/**
 * TF-IDF features over word unigrams, word bigrams and character n-grams inside words.
 * Character n-grams carry typos, inflections and languages without a stemmer; bigrams carry
 * short phrases ("top up", "not working") that single words lose. Optionally, each content
 * word's light stem and the support notion it names ("résilier" and "cancel" as one feature),
 * which let examples in one language teach the others.
 */

export interface FeatureOptions {
  charNgrams: [min: number, max: number];
  wordBigrams: boolean;
  /** Terms seen in fewer training texts are dropped (keeps the model small on large sets). */
  minDocumentFrequency: number;
  /** Stems of content words (3 letters or more, not in `stopWords`) to notion names (`notionIndex`). */
  notions?: ReadonlyMap<string, string>;
  /** Words that carry no topic (greetings, question words, function words): no stem or notion feature. */
  stopWords?: (word: string) => boolean;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = {
  charNgrams: [2, 4],
  wordBigrams: true,
  minDocumentFrequency: 1,
};

export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

export interface Vectorizer {
  options: FeatureOptions;
  vocabulary: Map<string, number>;
  idf: Float32Array;
}

function terms(text: string, options: FeatureOptions): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (term: string) => counts.set(term, (counts.get(term) ?? 0) + 1);
  const tokens = words(text);
  const [minN, maxN] = options.charNgrams;
  tokens.forEach((token, i) => {
    add(`w:${token}`);
    if (options.notions && token.length >= 3 && !options.stopWords?.(token)) {
      const stem = stemOf(token);
      add(`s:${stem}`);
      const notion = options.notions.get(stem);
      if (notion) add(`n:${notion}`);
    }
    if (options.wordBigrams && i > 0) add(`b:${tokens[i - 1]} ${token}`);
    const padded = ` ${token} `;
    for (let n = minN; n <= maxN; n++) {
      for (let start = 0; start + n <= padded.length; start++) add(`c:${padded.slice(start, start + n)}`);
    }
  });
  return counts;
}

export function fitVectorizer(texts: readonly string[], options: FeatureOptions = DEFAULT_FEATURE_OPTIONS): Vectorizer {
  const documentFrequency = new Map<string, number>();
  for (const text of texts) {
    for (const term of terms(text, options).keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const kept = [...documentFrequency.entries()]
    .filter(([, df]) => df >= options.minDocumentFrequency)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const vocabulary = new Map<string, number>();
  const idf = new Float32Array(kept.length);
  kept.forEach(([term, df], index) => {
    vocabulary.set(term, index);
    // Smoothed IDF, as in scikit-learn: a term in every document still weighs 1.
    idf[index] = Math.log((1 + texts.length) / (1 + df)) + 1;
  });
  return { options, vocabulary, idf };
}

/** Sublinear term frequency times IDF, L2-normalised; unknown terms are ignored. */
export function vectorize(vectorizer: Vectorizer, text: string): SparseVector {
  const entries: [number, number][] = [];
  for (const [term, count] of terms(text, vectorizer.options)) {
    const index = vectorizer.vocabulary.get(term);
    if (index !== undefined) entries.push([index, (1 + Math.log(count)) * (vectorizer.idf[index] as number)]);
  }
  entries.sort((a, b) => a[0] - b[0]);
  const norm = Math.sqrt(entries.reduce((sum, [, v]) => sum + v * v, 0)) || 1;
  return {
    indices: Int32Array.from(entries, ([i]) => i),
    values: Float32Array.from(entries, ([, v]) => v / norm),
  };
}
