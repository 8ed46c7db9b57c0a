import type { SearchMode, SearchResultView } from "@support/contract";
import { type ChunkHit, cleanQuery, type RetrievalMode } from "@support/knowledge";
import type { ServiceContext } from "../service/context.js";
import type { KnowledgeDeps } from "./deps.js";
import { isRelevant, relevanceEvidence } from "./relevance.js";
import { type ChunkRow, chunksByIds } from "./repository.js";
import { resolveNamespace } from "./sources.js";
import { type KnowledgeFilters, type Passage, type SearchInput, type SearchResult, SHARED_NAMESPACE } from "./types.js";

/** At most this many passages of one source, unless no other source has anything to add. */
const PER_SOURCE = 2;

export async function rankKnowledge(
  deps: KnowledgeDeps,
  input: {
    orgId: string;
    namespaces: string[];
    query: string;
    mode: RetrievalMode;
    limit: number;
    filters?: KnowledgeFilters;
  },
): Promise<ChunkHit[]> {
  const [vector] = await deps.embedder.embed([input.query]);
  return deps.index.query(input.orgId, input.namespaces, {
    text: input.query,
    vector: vector as Float32Array,
    mode: input.mode,
    limit: input.limit,
    filters: input.filters,
  });
}

function diversify<T extends { row: ChunkRow }>(ranked: T[], k: number): T[] {
  const picked: T[] = [];
  const skipped: T[] = [];
  const perSource = new Map<string, number>();
  for (const item of ranked) {
    const n = perSource.get(item.row.sourceId) ?? 0;
    if (picked.length >= k) break;
    if (n >= PER_SOURCE) {
      skipped.push(item);
      continue;
    }
    perSource.set(item.row.sourceId, n + 1);
    picked.push(item);
  }
  // Fill with the best of what was held back rather than return fewer than k.
  return [...picked, ...skipped.slice(0, k - picked.length)];
}

/**
 * The retrieval port the pipeline calls: the customer's message is cleaned (quotes, reply
 * headers, signatures), searched in the app's namespace and the shared one, diversified across
 * sources, and judged relevant or not. A port, not a service: the drafting step calls it through
 * `ports.retrieve` with the organization and app it already resolved.
 */
export async function searchKnowledge(deps: KnowledgeDeps, input: SearchInput): Promise<SearchResult> {
  const query = cleanQuery(input.query);
  const [vector] = await deps.embedder.embed([query]);
  const hits = await deps.index.query(input.orgId, [input.appId, SHARED_NAMESPACE], {
    text: query,
    vector: vector as Float32Array,
    mode: input.mode ?? "hybrid",
    limit: input.k * 4,
    filters: input.filters,
  });
  const rows = new Map(
    (
      await chunksByIds(
        deps.db,
        input.orgId,
        hits.map((h) => h.chunkId),
      )
    ).map((r) => [r.id, r]),
  );
  const ranked = hits.flatMap((hit) => {
    const row = rows.get(hit.chunkId);
    return row ? [{ hit, row }] : [];
  });
  const chosen = diversify(ranked, input.k);
  const passages: Passage[] = chosen.map(({ hit, row }) => ({
    id: row.id,
    sourceId: row.sourceId,
    title: row.title,
    url: row.url,
    text: row.text,
    score: hit.score,
    retriever: hit.retriever,
    sourceKind: row.sourceKind,
  }));
  const relevance = relevanceEvidence(
    query,
    vector as Float32Array,
    chosen.map(({ row }) => row),
  );
  return { passages, relevant: isRelevant(relevance), relevance };
}

/** How close a canned response's title must be to the message to be sent as the draft itself. */
export const CANNED_MATCH = { minCosine: 0.6 };

/**
 * A canned response (macro) whose title says what the customer asked, closely enough to be the
 * draft as it is; undefined when none does, and the drafter writes one from passages instead.
 */
export async function findCannedResponse(
  deps: KnowledgeDeps,
  input: { orgId: string; appId: string; message: string },
): Promise<{ passage: Passage; similarity: number } | undefined> {
  const result = await searchKnowledge(deps, {
    orgId: input.orgId,
    appId: input.appId,
    query: input.message,
    k: 1,
    filters: { kinds: ["macro"] },
  });
  const passage = result.passages[0];
  if (!passage) return undefined;
  const [query, title] = await deps.embedder.embed([cleanQuery(input.message), passage.title]);
  let similarity = 0;
  for (let i = 0; i < (query as Float32Array).length; i++)
    similarity += ((query as Float32Array)[i] as number) * ((title as Float32Array)[i] ?? 0);
  return similarity >= CANNED_MATCH.minCosine ? { passage, similarity } : undefined;
}

/** What a member searching an app's knowledge (or the shared one) sees: the retrieval port's answer. */
export async function searchAppKnowledge(
  ctx: ServiceContext,
  input: { app: string; query: string; k: number; mode?: SearchMode },
): Promise<SearchResultView> {
  const appId = await resolveNamespace(ctx, input.app);
  return searchKnowledge(ctx.ports.knowledge, {
    orgId: ctx.org.id,
    appId,
    query: input.query,
    k: input.k,
    mode: input.mode,
  });
}
