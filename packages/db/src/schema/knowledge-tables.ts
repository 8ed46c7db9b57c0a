import { c, type TableDef } from "./dialect.js";

const define = <T extends TableDef>(def: T) => def;

/**
 * A knowledge source (uploaded file, crawled site, manual entry, Q/A list ...) in one namespace:
 * an app's id, or "shared" for the organization-wide one. The row stays small because progress
 * is written to it after every batch; the parsed content lives in knowledge_documents.
 */
export const knowledgeSources = define({
  name: "knowledge_sources",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    namespace: c.id().required(),
    kind: c.string(16).required(),
    title: c.string(500).required(),
    uri: c.string(2000).optional(),
    status: c.string(16).required(),
    error: c.text().optional(),
    chunksDone: c.int().required(),
    chunksTotal: c.int().required(),
    language: c.string(10).optional(),
    options: c.json().optional(),
    createdAt: c.time().required(),
    updatedAt: c.time().required(),
    indexedAt: c.time().optional(),
  },
  uniques: [],
  indexes: [{ name: "knowledge_sources_org_ns_idx", columns: ["orgId", "namespace", "id"] }],
});

/**
 * What a source was parsed into (JSON documents), keyed by the source id, so a re-sync of an
 * upload or manual entry re-chunks without the original bytes.
 */
export const knowledgeDocuments = define({
  name: "knowledge_documents",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    content: c.longText().required(),
    updatedAt: c.time().required(),
  },
  uniques: [],
  indexes: [{ name: "knowledge_documents_org_idx", columns: ["orgId"] }],
});

/**
 * One retrievable passage. The id is a content hash (see chunking), so a re-sync keeps unchanged
 * chunks and their embeddings. `embedding` is the int8-quantised vector in base64, tagged with
 * the embedder that made it.
 */
export const knowledgeChunks = define({
  name: "knowledge_chunks",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    namespace: c.id().required(),
    sourceId: c.id().required(),
    sourceKind: c.string(16).required(),
    language: c.string(10).optional(),
    ordinal: c.int().required(),
    title: c.text().required(),
    url: c.string(2000).optional(),
    text: c.text().required(),
    embedder: c.string(64).required(),
    embedding: c.text().required(),
    createdAt: c.time().required(),
  },
  uniques: [],
  indexes: [
    { name: "knowledge_chunks_ns_idx", columns: ["orgId", "namespace"] },
    { name: "knowledge_chunks_source_idx", columns: ["orgId", "sourceId"] },
  ],
});
