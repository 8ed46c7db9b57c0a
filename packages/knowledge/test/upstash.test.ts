import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embeddingText, HashedNgramEmbedder, type IndexedChunk, UpstashKnowledgeIndex } from "../src/index.js";
import { startFakeUpstash } from "./upstash-fake.js";

const embedder = new HashedNgramEmbedder();
const chunk = (id: string, namespace: string, title: string, text: string, sourceKind = "file"): IndexedChunk => ({
  id,
  namespace,
  sourceId: `src_${id}`,
  sourceKind,
  language: "en",
  title,
  text,
  url: null,
  vector: embedder.embedOne(embeddingText(title, text)),
});

let fake: Awaited<ReturnType<typeof startFakeUpstash>>;
let index: UpstashKnowledgeIndex;

beforeAll(async () => {
  fake = await startFakeUpstash("token-1");
  index = new UpstashKnowledgeIndex({ url: fake.url, token: "token-1", fusion: "RRF", hostedEmbeddings: false });
  await index.upsert("org_1", [
    chunk("c1", "app_1", "Refunds", "Refunds for annual plans are issued within five days."),
    chunk("c2", "app_1", "Passwords", "Reset your password with the forgot password link."),
    chunk("c3", "shared", "Security", "Two-factor authentication works with any TOTP app.", "qa"),
    chunk("c4", "app_2", "Refunds elsewhere", "Another app's refund rules."),
  ]);
});
afterAll(() => fake.close());

const ask = (text: string, mode: "bm25" | "dense" | "hybrid", namespaces = ["app_1", "shared"], filters = {}) =>
  index.query("org_1", namespaces, { text, vector: embedder.embedOne(text), mode, limit: 3, filters });

describe("Upstash Vector adapter (official SDK against a fake of the REST API)", () => {
  it("upserts dense and sparse vectors with metadata into one namespace per org and app", () => {
    expect([...fake.namespaces.keys()].sort()).toEqual(["org_1.app_1", "org_1.app_2", "org_1.shared"]);
    const stored = fake.namespaces.get("org_1.app_1")?.get("c1");
    expect(stored?.vector).toHaveLength(embedder.dimensions);
    expect(stored?.sparseVector?.indices.length).toBeGreaterThan(3);
    expect(stored?.metadata).toEqual({ sourceId: "src_c1", sourceKind: "file", language: "en" });
  });

  it("queries sparse, dense or both with the configured fusion and merges the app and shared namespaces", async () => {
    expect((await ask("refund annual plan", "bm25"))[0]).toMatchObject({
      chunkId: "c1",
      sourceId: "src_c1",
      retriever: "bm25",
    });
    expect((await ask("resetting passwords", "dense"))[0]).toMatchObject({ chunkId: "c2", retriever: "dense" });
    const hybrid = await ask("two-factor authentication app", "hybrid");
    expect(hybrid[0]).toMatchObject({ chunkId: "c3", retriever: "hybrid" });
    expect(hybrid.map((h) => h.chunkId)).not.toContain("c4");
    const sent = fake.requests.filter((r) => r.path === "/query/org_1.app_1").at(-1)?.body as Record<string, unknown>;
    expect(sent).toMatchObject({ fusionAlgorithm: "RRF", weightingStrategy: "IDF", includeMetadata: true, topK: 3 });
    expect(sent.vector).toBeDefined();
    expect(sent.sparseVector).toBeDefined();
  });

  it("passes metadata filters in Upstash's filter language", async () => {
    const onlyQa = await ask("refund two-factor", "hybrid", ["app_1", "shared"], { kinds: ["qa"] });
    expect(onlyQa.map((h) => h.chunkId)).toEqual(["c3"]);
    const sent = fake.requests.at(-1)?.body as { filter: string };
    expect(sent.filter).toBe("sourceKind IN ('qa')");
  });

  it("deletes vectors, and surfaces a wrong token as an error", async () => {
    await index.remove("org_1", "app_1", ["c1"]);
    expect((await ask("refund annual plan", "bm25", ["app_1"])).map((h) => h.chunkId)).not.toContain("c1");
    const wrong = new UpstashKnowledgeIndex({ url: fake.url, token: "nope", fusion: "DBSF", hostedEmbeddings: false });
    await expect(
      wrong.query("org_1", ["app_1"], { text: "x", vector: new Float32Array(512), mode: "dense", limit: 1 }),
    ).rejects.toThrow(/Unauthorized/);
  });

  it("with hosted embeddings, sends text as data and lets the query mode choose the halves", async () => {
    const hosted = new UpstashKnowledgeIndex({
      url: fake.url,
      token: "token-1",
      fusion: "DBSF",
      hostedEmbeddings: true,
    });
    await hosted.upsert("org_2", [
      chunk("h1", "app_9", "Invoices", "Download invoices as PDF from the billing page."),
      chunk("h2", "app_9", "Passwords", "Reset your password with the forgot password link."),
    ]);
    const upserted = fake.requests.find((r) => r.path === "/upsert-data/org_2.app_9")?.body as { data: string }[];
    expect(upserted[0]?.data).toContain("Download invoices as PDF");
    const hits = await hosted.query("org_2", ["app_9"], {
      text: "invoice pdf",
      vector: new Float32Array(0),
      mode: "hybrid",
      limit: 2,
    });
    expect(hits[0]).toMatchObject({ chunkId: "h1", retriever: "hybrid" });
    expect(fake.requests.at(-1)).toMatchObject({
      path: "/query-data/org_2.app_9",
      body: { data: "invoice pdf", queryMode: "HYBRID", fusionAlgorithm: "DBSF" },
    });
    await hosted.query("org_2", ["app_9"], { text: "password", vector: new Float32Array(0), mode: "bm25", limit: 1 });
    expect(fake.requests.at(-1)?.body).toMatchObject({ queryMode: "SPARSE" });
  });
});
