import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import {
  AppError,
  addFileSource,
  addUrlSource,
  deleteSource,
  listSources,
  processSource,
  publicSource,
  resolveNamespace,
  searchKnowledge,
} from "@support/core";
import { RETRIEVAL_MODES, type RetrievalMode, SUPPORTED_EXTENSIONS } from "@support/knowledge";
import type { Product } from "@support/product";
import { CliError, type Output } from "../output.js";
import { progressBar } from "../progress.js";
import { resolveOrg } from "./org.js";

interface Target {
  name: string;
  kind: "file" | "url";
}

/** Named files are taken as given (an unsupported one is reported); folders yield supported files only. */
function expandTargets(inputs: string[]): { targets: Target[]; missing: string[] } {
  const targets: Target[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith(".")) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if ((SUPPORTED_EXTENSIONS as readonly string[]).includes(extname(entry.name).toLowerCase()))
        targets.push({ name: path, kind: "file" });
    }
  };
  for (const input of inputs) {
    if (/^https?:\/\//i.test(input)) targets.push({ name: input, kind: "url" });
    else {
      let isDir: boolean;
      try {
        isDir = statSync(input).isDirectory();
      } catch {
        missing.push(input);
        continue;
      }
      if (isDir) walk(input);
      else targets.push({ name: input, kind: "file" });
    }
  }
  return { targets, missing };
}

export async function kbAddCommand(
  runtime: Product,
  out: Output,
  opts: { org?: string; app: string; inputs: string[]; maxPages?: number },
) {
  if (opts.inputs.length === 0) throw new CliError("kb add needs at least one file, folder or URL");
  const org = await resolveOrg(runtime, opts.org);
  const deps = runtime.knowledge;
  const namespace = await resolveNamespace(deps.db, org.id, opts.app).catch((error: AppError) => {
    throw new CliError(error.message);
  });
  const { targets, missing } = expandTargets(opts.inputs);
  const results: { input: string; sourceId: string | null; status: string; chunks: number; error: string | null }[] =
    missing.map((input) => ({ input, sourceId: null, status: "error", chunks: 0, error: "no such file or folder" }));
  for (const target of targets) {
    const bar = out.json ? undefined : progressBar(target.name);
    try {
      const source =
        target.kind === "url"
          ? await addUrlSource(deps, org.id, namespace, { url: target.name, maxPages: opts.maxPages }, "cli")
          : await addFileSource(
              deps,
              org.id,
              namespace,
              { name: target.name, bytes: new Uint8Array(readFileSync(target.name)) },
              "cli",
            );
      const done = await processSource(deps, org.id, source.id, { onProgress: (p) => bar?.update(p.done, p.total) });
      results.push({
        input: target.name,
        sourceId: done.id,
        status: done.status,
        chunks: done.chunksTotal,
        error: done.error,
      });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ input: target.name, sourceId: null, status: "error", chunks: 0, error: error.message });
    } finally {
      bar?.end();
    }
  }
  const failed = results.filter((r) => r.status !== "ready");
  const chunks = results.reduce((n, r) => n + r.chunks, 0);
  out.result({ data: results, added: results.length - failed.length, failed: failed.length, chunks }, () => [
    ...results.map((r) =>
      r.status === "ready" ? `ok    ${r.input}  ${r.chunks} chunks  ${r.sourceId}` : `error ${r.input}: ${r.error}`,
    ),
    `${results.length - failed.length} added (${chunks} chunks), ${failed.length} failed.`,
  ]);
  if (failed.length > 0) out.fail();
}

export async function kbListCommand(runtime: Product, out: Output, opts: { org?: string; app?: string }) {
  const org = await resolveOrg(runtime, opts.org);
  const namespaces = opts.app ? [await resolveNamespace(runtime.database.db, org.id, opts.app)] : undefined;
  const sources: ReturnType<typeof publicSource>[] = [];
  let cursor: string | undefined;
  do {
    const page = await listSources(runtime.database.db, org.id, { namespaces, limit: 100, cursor });
    sources.push(...page.data.map(publicSource));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  out.result({ data: sources }, () =>
    sources.length === 0
      ? ["No knowledge sources."]
      : sources.map(
          (s) =>
            `${s.id}  ${s.status.padEnd(10)} ${`${s.progress.done}/${s.progress.total}`.padEnd(9)} ${s.kind.padEnd(6)} ${s.title}${s.error ? `  (${s.error})` : ""}`,
        ),
  );
}

export async function kbSearchCommand(
  runtime: Product,
  out: Output,
  opts: { org?: string; app: string; query: string; k: number; mode: string },
) {
  if (!RETRIEVAL_MODES.includes(opts.mode as RetrievalMode)) {
    throw new CliError(`--mode must be one of ${RETRIEVAL_MODES.join(", ")}`);
  }
  const org = await resolveOrg(runtime, opts.org);
  const appId = await resolveNamespace(runtime.database.db, org.id, opts.app).catch((error: AppError) => {
    throw new CliError(error.message);
  });
  const result = await searchKnowledge(runtime.knowledge, {
    orgId: org.id,
    appId,
    query: opts.query,
    k: opts.k,
    mode: opts.mode as RetrievalMode,
  });
  out.result(result, () => [
    ...(result.relevant ? [] : ["Nothing relevant (a draft would decline)."]),
    ...result.passages.flatMap((p, i) => [
      `${i + 1}. ${p.title}  [${p.retriever} ${p.score.toFixed(4)}]${p.url ? `  ${p.url}` : ""}`,
      `   ${p.text.replace(/\s+/g, " ").slice(0, 200)}`,
    ]),
  ]);
}

export async function kbRemoveCommand(runtime: Product, out: Output, opts: { org?: string; id: string }) {
  const org = await resolveOrg(runtime, opts.org);
  await deleteSource(runtime.knowledge, org.id, opts.id, "cli").catch((error: AppError) => {
    throw new CliError(error.message);
  });
  out.result({ id: opts.id, removed: true }, () => [`Removed ${opts.id} with its chunks.`]);
}
