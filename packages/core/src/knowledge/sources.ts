import { type Db, getApp } from "@support/db";
import { AppError } from "../service/errors.js";
import { pageSources, type SourceRow } from "./repository.js";
import { SHARED_NAMESPACE } from "./types.js";

/** "shared" names the org-wide namespace; anything else must be one of the org's apps. */
export async function resolveNamespace(db: Db, orgId: string, appRef: string): Promise<string> {
  if (appRef === SHARED_NAMESPACE) return SHARED_NAMESPACE;
  const app = await getApp(db, orgId, appRef);
  if (!app) throw new AppError("not_found", `app "${appRef}" not found`);
  return app.id;
}

export function publicSource(row: SourceRow) {
  return {
    id: row.id,
    namespace: row.namespace,
    kind: row.kind,
    title: row.title,
    uri: row.uri,
    status: row.status,
    error: row.error,
    progress: { done: row.chunksDone, total: row.chunksTotal },
    language: row.language,
    skipped: ((row.options as { skipped?: { url: string; reason: string }[] } | null)?.skipped ?? []) as {
      url: string;
      reason: string;
    }[],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    indexedAt: row.indexedAt?.toISOString() ?? null,
  };
}

export async function listSources(
  db: Db,
  orgId: string,
  options: { namespaces?: string[]; limit: number; cursor?: string },
): Promise<{ data: SourceRow[]; nextCursor: string | null }> {
  const rows = await pageSources(db, orgId, options);
  const data = rows.slice(0, options.limit);
  const last = data[data.length - 1];
  return { data, nextCursor: rows.length > options.limit && last ? last.id : null };
}
