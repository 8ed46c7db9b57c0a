import { type AnalyzerOptions, analyze, DEFAULT_ANALYZER, fold } from "./text.js";

/** The embeddings port: production adapters call a hosted model, the default runs in-process. */
export interface Embedder {
  /** Stored with every vector, so a change of embedder is detected and re-embeds. */
  readonly name: string;
  readonly dimensions: number;
  embed(texts: string[]): Promise<Float32Array[]>;
}

export interface HashedEmbedderOptions {
  dimensions: number;
  wordWeight: number;
  bigramWeight: number;
  charWeight: number;
  /** Character n-gram lengths taken from each word (with boundary marks). */
  charSizes: number[];
  analyzer: AnalyzerOptions;
}

export const DEFAULT_HASHED_EMBEDDER: HashedEmbedderOptions = {
  dimensions: 512,
  wordWeight: 1,
  bigramWeight: 0.5,
  charWeight: 0.2,
  charSizes: [3, 4, 5],
  analyzer: DEFAULT_ANALYZER,
};

/** FNV-1a, 32 bits: fast, stable across platforms and releases (unlike a runtime's own hash). */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A deterministic local embedder with no downloads: word, word-bigram and character n-gram
 * features hashed with a sign bit into a fixed number of dimensions (the "hashing trick"),
 * sub-linear counts, L2-normalised so a dot product is the cosine. Character n-grams are what
 * it adds over BM25: they match inflections, compounds and typos that exact terms miss.
 */
export class HashedNgramEmbedder implements Embedder {
  readonly name: string;
  readonly dimensions: number;

  constructor(private readonly options: HashedEmbedderOptions = DEFAULT_HASHED_EMBEDDER) {
    this.dimensions = options.dimensions;
    this.name = `hashed-ngram-v1-${options.dimensions}`;
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    return texts.map((t) => this.embedOne(t));
  }

  embedOne(text: string): Float32Array {
    const o = this.options;
    const counts = new Map<string, number>();
    const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
    const weightOf: Record<string, number> = { w: o.wordWeight, b: o.bigramWeight, c: o.charWeight };
    const terms = analyze(text, o.analyzer);
    for (let i = 0; i < terms.length; i++) {
      add(`w:${terms[i]}`);
      if (i > 0) add(`b:${terms[i - 1]} ${terms[i]}`);
    }
    const words = new Set(analyze(fold(text), { stem: false, stopwords: o.analyzer.stopwords }));
    for (const word of words) {
      const marked = `<${word}>`;
      for (const n of o.charSizes) {
        for (let i = 0; i + n <= marked.length; i++) add(`c:${marked.slice(i, i + n)}`);
      }
    }
    const vector = new Float32Array(this.dimensions);
    for (const [key, count] of counts) {
      const hash = fnv1a(key);
      const sign = hash & 1 ? 1 : -1;
      // Sub-linear: the tenth repetition of a word says less than the first.
      const weight = (weightOf[key[0] as string] ?? 0) * (1 + Math.log(count));
      const slot = (hash >>> 1) % this.dimensions;
      vector[slot] = (vector[slot] as number) + sign * weight;
    }
    return normalize(vector);
  }
}

export function normalize(vector: Float32Array): Float32Array {
  let sum = 0;
  for (const x of vector) sum += x * x;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < vector.length; i++) vector[i] = (vector[i] as number) / norm;
  return vector;
}

/** What a chunk is embedded as: the title counts twice, as it does for BM25 (ADR 0010). */
export function embeddingText(title: string, text: string): string {
  return `${title}\n${title}\n${text}`;
}

/**
 * Vectors are kept as int8 with one scale: a quarter of float32's size in the database and in
 * memory (100k chunks of 512 dimensions are 51 MB), and the order of cosines barely moves.
 */
export interface QuantizedVector {
  values: Int8Array;
  scale: number;
}

export function quantize(vector: Float32Array): QuantizedVector {
  let max = 0;
  for (const x of vector) max = Math.max(max, Math.abs(x));
  const scale = max > 0 ? max / 127 : 1;
  const values = new Int8Array(vector.length);
  for (let i = 0; i < vector.length; i++) values[i] = Math.round((vector[i] as number) / scale);
  return { values, scale };
}

/** Base64 of a float32 scale followed by the int8 values. */
export function encodeVector(vector: QuantizedVector): string {
  const bytes = Buffer.alloc(4 + vector.values.length);
  bytes.writeFloatLE(vector.scale, 0);
  Buffer.from(vector.values.buffer, vector.values.byteOffset, vector.values.length).copy(bytes, 4);
  return bytes.toString("base64");
}

export function decodeVector(encoded: string): QuantizedVector {
  const bytes = Buffer.from(encoded, "base64");
  // One copy of the bytes (not a call per byte: 51 million of them for 100k chunks), and its own
  // memory rather than a view on Buffer's shared pool.
  const values = new Int8Array(bytes.buffer, bytes.byteOffset + 4, bytes.length - 4).slice();
  return { values, scale: bytes.readFloatLE(0) };
}
