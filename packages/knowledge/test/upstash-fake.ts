import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { HashedNgramEmbedder, sparseVector } from "../src/index.js";

/** Stands in for the index's hosted dense and sparse (BM25) models when text arrives as `data`. */
const hostedModel = new HashedNgramEmbedder();

interface Item {
  id: string;
  vector?: number[];
  sparseVector?: { indices: number[]; values: number[] };
  metadata?: Record<string, string>;
}

/**
 * A fake of Upstash Vector's REST API (upsert, query, delete per namespace, bearer auth), enough
 * of a hybrid index to rank honestly: dense dot product, sparse dot product with IDF, and RRF or
 * DBSF fusion; the filter language's `field IN (...)` / `field = '...'` joined by AND. `upsert-data`
 * and `query-data` embed the text with a stand-in for the index's hosted models.
 */
export async function startFakeUpstash(token: string) {
  const namespaces = new Map<string, Map<string, Item>>();
  const requests: { path: string; body: unknown }[] = [];
  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk) => {
      raw += chunk;
    });
    req.on("end", () => {
      const send = (status: number, body: unknown) =>
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
      if (req.headers.authorization !== `Bearer ${token}`) return send(401, { error: "Unauthorized: invalid token" });
      const [, command, ns = ""] = (req.url ?? "").split("/");
      const body = JSON.parse(raw || "null");
      requests.push({ path: req.url ?? "", body });
      const store = namespaces.get(ns) ?? new Map<string, Item>();
      namespaces.set(ns, store);
      if (command === "upsert") {
        for (const item of Array.isArray(body) ? body : [body]) store.set(item.id, item);
        return send(200, { result: "Success" });
      }
      if (command === "upsert-data") {
        for (const item of Array.isArray(body) ? body : [body]) {
          const vector = Array.from(hostedModel.embedOne(item.data));
          store.set(item.id, {
            id: item.id,
            vector,
            sparseVector: sparseVector(item.data, true),
            metadata: item.metadata,
          });
        }
        return send(200, { result: "Success" });
      }
      if (command === "query-data") {
        const mode = body.queryMode ?? "HYBRID";
        return send(200, {
          result: query(store, {
            ...body,
            vector: mode !== "SPARSE" ? Array.from(hostedModel.embedOne(body.data)) : undefined,
            sparseVector: mode !== "DENSE" ? sparseVector(body.data, false) : undefined,
            weightingStrategy: "IDF",
          }),
        });
      }
      if (command === "delete") {
        let deleted = 0;
        for (const id of body.ids) if (store.delete(id)) deleted++;
        return send(200, { result: { deleted } });
      }
      if (command === "query") return send(200, { result: query(store, body) });
      if (command === "info") {
        const vectorCount = [...namespaces.values()].reduce((sum, items) => sum + items.size, 0);
        return send(200, {
          result: { vectorCount, pendingVectorCount: 0, indexSize: 0, dimension: 0, similarityFunction: "COSINE" },
        });
      }
      return send(404, { error: `unknown command ${command}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    namespaces,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function matches(filter: string | undefined, metadata: Record<string, string> = {}): boolean {
  if (!filter) return true;
  return filter.split(/\s+AND\s+/i).every((clause) => {
    const inList = /^(\w+)\s+IN\s+\((.*)\)$/i.exec(clause.trim());
    if (inList) {
      const values = [...(inList[2] as string).matchAll(/'((?:\\'|[^'])*)'/g)].map((m) =>
        (m[1] as string).replace(/\\'/g, "'"),
      );
      return values.includes(metadata[inList[1] as string] ?? "");
    }
    const equal = /^(\w+)\s*=\s*'((?:\\'|[^'])*)'$/.exec(clause.trim());
    if (equal) return metadata[equal[1] as string] === (equal[2] as string).replace(/\\'/g, "'");
    throw new Error(`unsupported filter clause: ${clause}`);
  });
}

type Query = {
  vector?: number[];
  sparseVector?: { indices: number[]; values: number[] };
  topK: number;
  includeMetadata?: boolean;
  filter?: string;
  fusionAlgorithm?: "RRF" | "DBSF";
  weightingStrategy?: "IDF";
};

function query(store: Map<string, Item>, q: Query) {
  const items = [...store.values()].filter((item) => matches(q.filter, item.metadata));
  const dense = q.vector
    ? items.map((item) => ({ item, score: (item.vector ?? []).reduce((s, v, i) => s + v * (q.vector?.[i] ?? 0), 0) }))
    : undefined;
  let sparse: { item: Item; score: number }[] | undefined;
  if (q.sparseVector) {
    const df = new Map<number, number>();
    for (const item of items) for (const i of item.sparseVector?.indices ?? []) df.set(i, (df.get(i) ?? 0) + 1);
    const idf = (i: number) =>
      q.weightingStrategy === "IDF"
        ? Math.log((items.length - (df.get(i) ?? 0) + 0.5) / ((df.get(i) ?? 0) + 0.5) + 1)
        : 1;
    sparse = items
      .map((item) => {
        let score = 0;
        q.sparseVector?.indices.forEach((index, k) => {
          const at = item.sparseVector?.indices.indexOf(index) ?? -1;
          if (at >= 0) score += (q.sparseVector?.values[k] ?? 0) * (item.sparseVector?.values[at] ?? 0) * idf(index);
        });
        return { item, score };
      })
      .filter((r) => r.score > 0);
  }
  const sorted = (list: { item: Item; score: number }[]) => [...list].sort((a, b) => b.score - a.score);
  let ranked: { item: Item; score: number }[];
  if (dense && sparse) {
    const fused = new Map<string, { item: Item; score: number }>();
    for (const list of [sorted(dense), sorted(sparse)]) {
      const max = Math.max(...list.map((r) => r.score), 1e-9);
      const min = Math.min(...list.map((r) => r.score), 0);
      list.forEach((r, rank) => {
        const add = q.fusionAlgorithm === "DBSF" ? (r.score - min) / (max - min || 1) : 1 / (60 + rank + 1);
        const entry = fused.get(r.item.id) ?? { item: r.item, score: 0 };
        entry.score += add;
        fused.set(r.item.id, entry);
      });
    }
    ranked = sorted([...fused.values()]);
  } else ranked = sorted(dense ?? sparse ?? []);
  return ranked.slice(0, q.topK).map((r) => ({
    id: r.item.id,
    score: r.score,
    ...(q.includeMetadata ? { metadata: r.item.metadata } : {}),
  }));
}
