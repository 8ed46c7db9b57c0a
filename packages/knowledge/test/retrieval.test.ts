import { describe, expect, it } from "vitest";
import {
  analyze,
  Bm25Index,
  cleanQuery,
  decodeVector,
  embeddingText,
  encodeVector,
  evaluateRun,
  HashedNgramEmbedder,
  HybridIndex,
  PLAIN_ANALYZER,
  quantize,
  reciprocalRankFusion,
  topK,
} from "../src/index.js";

const docs = [
  { title: "Refunds", text: "You can request a refund within 30 days of purchase from the billing page." },
  { title: "Passwords", text: "Reset your password from the sign-in screen with the 'Forgot password' link." },
  { title: "Exports", text: "Export your invoices as CSV from Settings, then Billing, then Invoices." },
];

describe("analyzer and BM25", () => {
  it("folds case and accents, drops stop words and stems", () => {
    expect(analyze("The Cafés are REFUNDED")).toEqual(["cafe", "refund"]);
    expect(analyze("The Cafés", PLAIN_ANALYZER)).toEqual(["the", "cafes"]);
  });

  it("ranks the document with the rarer matching terms first and finds nothing for unknown words", () => {
    const index = new Bm25Index();
    for (const d of docs) index.add(d.title, d.text);
    expect(index.search("how do I get refunded?", 3).map((h) => h.doc)).toEqual([0]);
    expect(index.search("invoices csv", 3)[0]?.doc).toBe(2);
    expect(index.search("zebra", 3)).toEqual([]);
  });
});

describe("topK", () => {
  it("selects the same best hits, in the same order, as a full sort (ties by position)", () => {
    let seed = 3;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const hits = Array.from({ length: 2000 }, (_, doc) => ({ doc, score: Math.round(random() * 500) / 10 }));
    const expected = [...hits].sort((x, y) => y.score - x.score || x.doc - y.doc).slice(0, 10);
    expect(topK([...hits], 10)).toEqual(expected);
  });
});

describe("hashed n-gram embedder", () => {
  const embedder = new HashedNgramEmbedder();

  it("is deterministic, unit-length, and closer for related texts", async () => {
    const [a, b, c] = await embedder.embed(["resetting passwords", "reset my password", "export invoices"]);
    expect(Array.from(a as Float32Array)).toEqual(Array.from(embedder.embedOne("resetting passwords")));
    const dot = (x: Float32Array, y: Float32Array) => x.reduce((s, v, i) => s + v * (y[i] as number), 0);
    expect(dot(a as Float32Array, a as Float32Array)).toBeCloseTo(1, 5);
    expect(dot(a as Float32Array, b as Float32Array)).toBeGreaterThan(dot(a as Float32Array, c as Float32Array));
  });

  it("round-trips quantized vectors through their stored form", () => {
    const vector = quantize(embedder.embedOne("billing"));
    const decoded = decodeVector(encodeVector(vector));
    expect(Array.from(decoded.values)).toEqual(Array.from(vector.values));
    expect(decoded.scale).toBeCloseTo(vector.scale, 6);
  });
});

describe("hybrid index", () => {
  const embedder = new HashedNgramEmbedder();
  const index = new HybridIndex();
  for (const d of docs) index.add(d.title, d.text, quantize(embedder.embedOne(embeddingText(d.title, d.text))));
  const query = (text: string) => ({ text, vector: embedder.embedOne(text) });

  it("answers in every mode and labels who found each hit", () => {
    expect(index.search(query("refund"), "bm25", 2)[0]).toMatchObject({ doc: 0, retriever: "bm25" });
    expect(index.search(query("refund"), "dense", 2)[0]).toMatchObject({ doc: 0, retriever: "dense" });
    expect(index.search(query("refund"), "hybrid", 2)[0]).toMatchObject({ doc: 0, retriever: "hybrid" });
  });

  it("lets the dense half find a misspelling BM25 cannot", () => {
    expect(index.search(query("paswords forgoten"), "bm25", 3)).toEqual([]);
    expect(index.search(query("paswords forgoten"), "hybrid", 3)[0]).toMatchObject({ doc: 1, retriever: "dense" });
  });

  it("applies a filter before ranking", () => {
    expect(index.search(query("refund billing"), "hybrid", 3, (doc) => doc !== 0).map((h) => h.doc)).not.toContain(0);
  });

  it("fuses ranks: agreement beats a single first place", () => {
    const fused = reciprocalRankFusion([
      { name: "bm25", docs: [1, 2, 3] },
      { name: "dense", docs: [2, 4, 1] },
    ]);
    expect(fused[0]?.doc).toBe(2);
  });
});

describe("query cleaning", () => {
  it("keeps what the customer wrote and drops quotes, reply headers and signatures", () => {
    const message = [
      "Hi, how do I export my invoices?",
      "",
      "Thanks,",
      "Jane Doe",
      "Acme Corp",
      "On Mon, 3 Jun 2024, Support <help@example.com> wrote:",
      "> Hello Jane, anything else?",
    ].join("\n");
    expect(cleanQuery(message)).toBe("Hi, how do I export my invoices?");
    expect(cleanQuery("> only a quote")).toBe("> only a quote");
  });
});

describe("metrics", () => {
  it("computes nDCG, recall, MRR, MAP and P@1 as trec_eval does", () => {
    const qrels = new Map([
      [
        "q1",
        new Map([
          ["d1", 1],
          ["d3", 1],
        ]),
      ],
      ["q2", new Map([["d9", 1]])],
    ]);
    const run = new Map([
      ["q1", ["d2", "d1", "d3"]],
      ["q2", ["d5"]],
    ]);
    const m = evaluateRun(qrels, run);
    const ndcgQ1 = (1 / Math.log2(3) + 1 / Math.log2(4)) / (1 + 1 / Math.log2(3));
    expect(m.ndcg10).toBeCloseTo(ndcgQ1 / 2, 10);
    expect(m.recall10).toBeCloseTo(0.5, 10);
    expect(m.mrr10).toBeCloseTo(0.25, 10);
    expect(m.map).toBeCloseTo((1 / 2 + 2 / 3) / 2 / 2, 10);
    expect(m.p1).toBe(0);
  });
});
