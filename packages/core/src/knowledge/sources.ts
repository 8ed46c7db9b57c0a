import type { KnowledgeSourceView, Page, SourcesQuery } from "@support/contract";
import { commitChange } from "../service/change.js";
import { requireRole, type ServiceContext } from "../service/context.js";
import { AppError } from "../service/errors.js";
import { requireApp } from "../tenancy/apps.js";
import {
  deleteChunks,
  deleteDocuments,
  deleteSourceRow,
  findSource,
  pageSources,
  type SourceRow,
  sourceChunkIds,
  updateSource,
} from "./repository.js";
import { SHARED_NAMESPACE } from "./types.js";

/** "shared" names the org-wide namespace; anything else must be one of the org's apps. */
export async function resolveNamespace(ctx: ServiceContext, appRef: string): Promise<string> {
  if (appRef === SHARED_NAMESPACE) return SHARED_NAMESPACE;
  return (await requireApp(ctx, appRef)).id;
}

export function publicSource(row: SourceRow): KnowledgeSourceView {
  return {
    id: row.id,
    namespace: row.namespace,
    kind: row.kind as KnowledgeSourceView["kind"],
    title: row.title,
    uri: row.uri,
    status: row.status as KnowledgeSourceView["status"],
    error: row.error,
    progress: { done: row.chunksDone, total: row.chunksTotal },
    language: row.language,
    skipped: (row.options as { skipped?: KnowledgeSourceView["skipped"] } | null)?.skipped ?? [],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    indexedAt: row.indexedAt?.toISOString() ?? null,
  };
}

function found(source: SourceRow | undefined, sourceId: string): SourceRow {
  if (!source) throw new AppError("not_found", `knowledge source "${sourceId}" not found`);
  return source;
}

/** The source by id in the organization, or a `not_found`. */
export async function requireSource(ctx: ServiceContext, sourceId: string): Promise<SourceRow> {
  return found(await findSource(ctx.db, ctx.org.id, sourceId), sourceId);
}

/** One source with its status and progress; any member may read it. */
export async function getSource(ctx: ServiceContext, sourceId: string): Promise<KnowledgeSourceView> {
  return publicSource(await requireSource(ctx, sourceId));
}

/** The organization's sources (one app's, or the shared ones, when `app` is given), oldest first. */
export async function listSources(ctx: ServiceContext, query: SourcesQuery): Promise<Page<KnowledgeSourceView>> {
  const namespaces = query.app ? [await resolveNamespace(ctx, query.app)] : undefined;
  const rows = await pageSources(ctx.db, ctx.org.id, { namespaces, limit: query.limit, cursor: query.cursor });
  const data = rows.slice(0, query.limit);
  const last = data[data.length - 1];
  return { data: data.map(publicSource), nextCursor: rows.length > query.limit && last ? last.id : null };
}

/**
 * Asks for the source to be processed again (admins only): a site is re-crawled, a file or entry
 * re-chunked, and only changed chunks are re-embedded. The source is pending until the processing
 * function takes it; the request and its event commit together, so it survives a crash.
 */
export async function resyncSource(ctx: ServiceContext, sourceId: string): Promise<KnowledgeSourceView> {
  requireRole(ctx, "admin");
  return commitChange(ctx, async (tx, log) => {
    found(await findSource(tx, ctx.org.id, sourceId), sourceId);
    await updateSource(tx, ctx.org.id, sourceId, { status: "pending", error: null });
    await log.audit({ action: "knowledge_source.sync_requested", subject: sourceId });
    await log.emit("kb/source.sync_requested", { v: 1, orgId: ctx.org.id, sourceId });
    return publicSource(found(await findSource(tx, ctx.org.id, sourceId), sourceId));
  });
}

/** Deletes a source with its documents, chunks and vectors (admins only). */
export async function deleteSource(ctx: ServiceContext, sourceId: string): Promise<void> {
  requireRole(ctx, "admin");
  const source = await requireSource(ctx, sourceId);
  const ids = [...(await sourceChunkIds(ctx.db, ctx.org.id, sourceId)).keys()];
  // The index first: should the rows' delete then fail, a retry still finds the chunk ids to remove.
  await ctx.ports.knowledge.index.remove(ctx.org.id, source.namespace, ids);
  await commitChange(ctx, async (tx, log) => {
    await deleteChunks(tx, ctx.org.id, ids);
    await deleteDocuments(tx, ctx.org.id, sourceId);
    await deleteSourceRow(tx, ctx.org.id, sourceId);
    await log.audit({ action: "knowledge_source.deleted", subject: sourceId });
  });
}
