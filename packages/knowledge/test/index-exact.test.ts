import { describe, expect, it } from "vitest";
import {
  analyze,
  DEFAULT_BM25,
  embeddingText,
  HashedNgramEmbedder,
  HybridIndex,
  type QuantizedVector,
  quantize,
} from "../src/index.js";

/**
 * The compact index (typed postings, precomputed contributions, vectors by dimension, heap
 * selection) against the textbook computation written out plainly here: same documents, same
 * order, same scores, on a corpus with many equal-looking documents and common terms.
 */
const WORDS =
  "refund invoice password parcel tracking export import webhook token order return label plan trial coupon tax receipt card".split(
    " ",
  );
const FILLER = "the your from settings page then select open click within days after before account".split(" ");

function corpus(count: number) {
  let seed = 11;
  const random = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const pick = (words: string[]) => words[Math.floor(words.length ** random()) % words.length] as string;
  return Array.from({ length: count }, (_, i) => ({
    title: `${pick(WORDS)} ${i % 7}`,
    text: Array.from({ length: 5 + Math.floor(random() * 25) }, () => pick(random() < 0.4 ? WORDS : FILLER)).join(" "),
  }));
}

function exactBm25(docs: { title: string; text: string }[]) {
  const { k1, b, titleWeight } = DEFAULT_BM25;
  const tfs = docs.map((d) => {
    const tf = new Map<string, number>();
    for (const t of analyze(d.title)) tf.set(t, (tf.get(t) ?? 0) + titleWeight);
    for (const t of analyze(d.text)) tf.set(t, (tf.get(t) ?? 0) + 1);
    return tf;
  });
  const lengths = docs.map((d) => analyze(d.title).length * titleWeight + analyze(d.text).length);
  const avg = lengths.reduce((a, l) => a + l, 0) / docs.length;
  return (query: string, limit: number, accept?: (d: number) => boolean) => {
    const scores = new Map<number, number>();
    for (const term of new Set(analyze(query))) {
      const df = tfs.filter((tf) => tf.has(term)).length;
      if (df === 0) continue;
      const idf = Math.log(1 + (docs.length - df + 0.5) / (df + 0.5));
      tfs.forEach((tf, doc) => {
        const f = tf.get(term);
        if (f === undefined) return;
        const norm = k1 * (1 - b + (b * (lengths[doc] as number)) / avg);
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * f * (k1 + 1)) / (f + norm));
      });
    }
    return ranked(scores, limit, accept);
  };
}

function exactDense(vectors: QuantizedVector[], query: Float32Array, limit: number, accept?: (d: number) => boolean) {
  const scores = new Map<number, number>();
  vectors.forEach((v, doc) => {
    let dot = 0;
    for (let i = 0; i < query.length; i++) dot += (v.values[i] as number) * (query[i] as number);
    // Scales are stored as float32, in the database and in the index.
    if (dot > 0) scores.set(doc, dot * Math.fround(v.scale));
  });
  return ranked(scores, limit, accept);
}

function ranked(scores: Map<number, number>, limit: number, accept?: (d: number) => boolean) {
  return [...scores]
    .filter(([doc]) => !accept || accept(doc))
    .map(([doc, score]) => ({ doc, score }))
    .sort((x, y) => y.score - x.score || x.doc - y.doc)
    .slice(0, limit);
}

describe("the compact hybrid index", { timeout: 120_000 }, () => {
  const embedder = new HashedNgramEmbedder();
  const docs = corpus(1500);
  const vectors = docs.map((d) => quantize(embedder.embedOne(embeddingText(d.title, d.text))));
  const index = new HybridIndex();
  docs.forEach((d, i) => void index.add(d.title, d.text, vectors[i] as QuantizedVector));
  const queries = [
    "how do I get a refund for my invoice",
    "tracking parcel",
    "the settings page",
    "export webhook token",
    "reset password",
    "zebra",
  ];
  const everyThird = (doc: number) => doc % 3 === 0;
  const bm25 = exactBm25(docs);

  it("ranks BM25 exactly as the textbook formula, with and without a filter, at any depth", () => {
    for (const query of queries) {
      for (const limit of [1, 10, 100]) {
        expect(index.bm25.search(query, limit)).toEqual(bm25(query, limit));
        expect(index.bm25.search(query, limit, everyThird)).toEqual(bm25(query, limit, everyThird));
      }
    }
  });

  it("ranks dense exactly as document-by-document dot products", () => {
    for (const query of queries) {
      const vector = embedder.embedOne(query);
      for (const limit of [1, 10, 100]) {
        expect(index.dense(vector, limit)).toEqual(exactDense(vectors, vector, limit));
        expect(index.dense(vector, limit, everyThird)).toEqual(exactDense(vectors, vector, limit, everyThird));
      }
    }
  });

  it("stays exact when documents are added after it was searched", () => {
    const grown = new HybridIndex();
    const half = docs.length / 2;
    docs.slice(0, half).forEach((d, i) => void grown.add(d.title, d.text, vectors[i] as QuantizedVector));
    expect(grown.bm25.search(queries[0] as string, 10)).toEqual(
      exactBm25(docs.slice(0, half))(queries[0] as string, 10),
    );
    docs.slice(half).forEach((d, i) => void grown.add(d.title, d.text, vectors[half + i] as QuantizedVector));
    for (const query of queries) {
      const vector = embedder.embedOne(query);
      expect(grown.bm25.search(query, 10)).toEqual(bm25(query, 10));
      expect(grown.dense(vector, 10)).toEqual(exactDense(vectors, vector, 10));
      expect(grown.search({ text: query, vector }, "hybrid", 10)).toEqual(
        index.search({ text: query, vector }, "hybrid", 10),
      );
    }
  });
});
