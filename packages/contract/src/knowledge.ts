import { z } from "@hono/zod-openapi";
import { pageQuery } from "./common.js";

export const SOURCE_KINDS = ["manual", "file", "url", "qa", "macro", "conversation"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const SOURCE_STATUSES = ["pending", "processing", "ready", "error"] as const;
export type SourceStatus = (typeof SOURCE_STATUSES)[number];
/** How passages are ranked: keywords, embeddings, or both fused (`@support/knowledge` implements them). */
export const SEARCH_MODES = ["bm25", "dense", "hybrid"] as const;
export type SearchMode = (typeof SEARCH_MODES)[number];

export const knowledgeSourceSchema = z
  .object({
    id: z.string().openapi({ example: "kns_01JD3W2V8K1Q9X7F5G3H2J4K6M" }),
    namespace: z.string().openapi({ description: "The app id, or `shared` for the organization-wide namespace" }),
    kind: z.enum(SOURCE_KINDS),
    title: z.string(),
    uri: z.string().nullable(),
    status: z.enum(SOURCE_STATUSES),
    error: z.string().nullable().openapi({ description: "Why processing failed, in words" }),
    progress: z.object({ done: z.number().int(), total: z.number().int() }),
    language: z.string().nullable(),
    skipped: z.array(z.object({ url: z.string(), reason: z.string() })),
    createdAt: z.string(),
    updatedAt: z.string(),
    indexedAt: z.string().nullable(),
  })
  .openapi("KnowledgeSource");

export const passageSchema = z
  .object({
    id: z.string(),
    sourceId: z.string(),
    title: z.string(),
    url: z.string().nullable(),
    text: z.string(),
    score: z.number(),
    retriever: z.enum(SEARCH_MODES),
  })
  .openapi("Passage");

export const searchResultSchema = z.object({
  passages: z.array(passageSchema),
  relevant: z.boolean(),
  /** What relevance was decided on: the question's language, the best passage's term coverage and cosine. */
  relevance: z.object({ language: z.string().nullable(), coverage: z.number(), cosine: z.number() }).optional(),
});

const knowledgeAppRef = z.string().min(1).max(100).openapi({ description: "App id or slug, or `shared`" });
const language = z.string().min(2).max(10).optional();

export const manualSourceBody = z.object({
  app: knowledgeAppRef,
  title: z.string().trim().min(1).max(500),
  body: z.string().min(1),
  language,
});
export const urlSourceBody = z.object({
  app: knowledgeAppRef,
  url: z.string().url(),
  maxPages: z.number().int().min(1).max(1000).default(50),
  maxDepth: z.number().int().min(0).max(10).default(3),
  language,
});
export const uploadSourceBody = z.object({
  app: knowledgeAppRef,
  file: z.instanceof(File).openapi({ type: "string", format: "binary" }),
  language,
});
export const sourceIdParam = z.object({ id: z.string().min(1).max(40) });
export const sourcesQuery = pageQuery.extend({ app: knowledgeAppRef.optional() });

export const searchQuery = z.object({
  app: knowledgeAppRef,
  q: z.string().trim().min(1).max(4000),
  k: z.coerce.number().int().min(1).max(50).default(5),
  mode: z.enum(SEARCH_MODES).default("hybrid"),
});

export const cannedImportBody = z.object({ app: z.string().min(1).max(100) }).strict();
export const cannedImportSchema = z.object({
  imported: z.array(z.object({ channel: z.enum(["zendesk", "front"]), sourceId: z.string(), responses: z.number() })),
  failures: z.array(z.object({ channel: z.string(), error: z.string() })),
});

/**
 * A retrieval evaluation on the server's knowledge: the queries of a test set, each judged
 * against the app's sources (by id, or by the uri a source was added from).
 */
export const evaluateKnowledgeBody = z.object({
  app: knowledgeAppRef,
  mode: z.enum(SEARCH_MODES).default("hybrid"),
  k: z.number().int().min(1).max(1000).default(100),
  queries: z
    .array(z.object({ id: z.string().min(1).max(200), text: z.string().trim().min(1).max(4000) }))
    .min(1)
    .max(5000),
  qrels: z
    .array(z.object({ query: z.string().min(1).max(200), source: z.string().min(1).max(2000), score: z.number() }))
    .min(1)
    .openapi({ description: "Judgements: `source` is a knowledge source id or the uri it was added from" }),
});

export const retrievalEvaluationSchema = z
  .object({
    mode: z.enum(SEARCH_MODES),
    k: z.number(),
    sources: z.number().openapi({ description: "Sources searched (the app's and the shared ones)" }),
    chunks: z.number(),
    queries: z.number(),
    metrics: z.object({
      ndcg10: z.number(),
      recall10: z.number(),
      recall100: z.number(),
      mrr10: z.number(),
      map: z.number(),
      p1: z.number(),
    }),
    latencyMs: z
      .object({ p50: z.number(), p95: z.number() })
      .openapi({ description: "Ranking time per query on the server, without the network" }),
    run: z
      .record(z.string(), z.array(z.string()))
      .openapi({ description: "The top k judged ids (as the qrels name them) per query, best first" }),
  })
  .openapi("RetrievalEvaluation");

export type KnowledgeSourceView = z.infer<typeof knowledgeSourceSchema>;
export type PassageView = z.infer<typeof passageSchema>;
export type SearchResultView = z.infer<typeof searchResultSchema>;
export type ManualSourceInput = z.input<typeof manualSourceBody>;
export type UrlSourceInput = z.input<typeof urlSourceBody>;
export type SourcesQuery = z.infer<typeof sourcesQuery>;
export type CannedImportResult = z.infer<typeof cannedImportSchema>;
export type EvaluateKnowledgeInput = z.infer<typeof evaluateKnowledgeBody>;
export type RetrievalEvaluationView = z.infer<typeof retrievalEvaluationSchema>;
