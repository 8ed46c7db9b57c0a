import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { type KnowledgeSourceView, SEARCH_MODES, type SearchMode, type SearchResultView } from "@support/contract";
import { SUPPORTED_EXTENSIONS } from "@support/knowledge";
import { type Invocation, kbAddOptions, kbSearchOptions } from "../args.js";
import { CliError, type Output } from "../output.js";
import { progressBar } from "../progress.js";
import { type RemoteApi, RemoteError } from "../remote.js";

/** What adding one file or site came to: the settled source, or why it was refused outright. */
export type Added = { source: KnowledgeSourceView } | { refused: string };

export type OnProgress = (progress: { done: number; total: number }) => void;

/** `skill kb` on the local DATA_DIR (processing here) or on a server (its workflow processes). */
export interface KbBackend {
  /** Fails when the app (or `shared`) does not exist, before anything is added. */
  checkApp(app: string): Promise<void>;
  addFile(app: string, file: { name: string; bytes: Uint8Array<ArrayBuffer> }, onProgress: OnProgress): Promise<Added>;
  addUrl(app: string, site: { url: string; maxPages?: number }, onProgress: OnProgress): Promise<Added>;
  list(app?: string): Promise<KnowledgeSourceView[]>;
  search(input: { app: string; query: string; k: number; mode: SearchMode }): Promise<SearchResultView>;
  remove(id: string): Promise<void>;
}

const base = "/api/v1/knowledge";
const settled = (s: KnowledgeSourceView) => s.status === "ready" || s.status === "error";
/** How long a source on a server may show no change at all before the CLI stops waiting for it. */
const STALL_MS = 5 * 60_000;

/** Polls the server's source until its workflow settles it, showing its progress meanwhile. */
async function untilSettled(api: RemoteApi, created: KnowledgeSourceView, onProgress: OnProgress) {
  let source = created;
  let lastChange = Date.now();
  while (!settled(source)) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const next = await api.request<KnowledgeSourceView>("GET", `${base}/sources/${encodeURIComponent(source.id)}`);
    if (next.updatedAt !== source.updatedAt || next.status !== source.status) lastChange = Date.now();
    else if (Date.now() - lastChange > STALL_MS)
      throw new CliError(`${source.id} is still ${next.status} on the server; follow it with skill kb list`);
    source = next;
    onProgress(source.progress);
  }
  return source;
}

/** A refusal of the input itself (an unreadable file, a bad URL) is a result line; anything else fails the command. */
async function refusedOr(add: () => Promise<KnowledgeSourceView>): Promise<{ refused: string } | KnowledgeSourceView> {
  try {
    return await add();
  } catch (error) {
    if (error instanceof RemoteError && error.status === 400) return { refused: error.detail };
    throw error;
  }
}

export function remoteKb(api: RemoteApi): KbBackend {
  const settle = async (add: () => Promise<KnowledgeSourceView>, onProgress: OnProgress): Promise<Added> => {
    const created = await refusedOr(add);
    return "refused" in created ? created : { source: await untilSettled(api, created, onProgress) };
  };
  return {
    checkApp: async (app) => {
      await api.request("GET", `${base}/sources?limit=1&app=${encodeURIComponent(app)}`);
    },
    addFile: (app, file, onProgress) => {
      const form = new FormData();
      form.set("app", app);
      form.set("file", new File([file.bytes], file.name));
      return settle(() => api.request<KnowledgeSourceView>("POST", `${base}/sources`, form), onProgress);
    },
    addUrl: (app, site, onProgress) =>
      settle(() => api.request<KnowledgeSourceView>("POST", `${base}/sources`, { app, ...site }), onProgress),
    list: async (app) => {
      const sources: KnowledgeSourceView[] = [];
      let cursor: string | null = null;
      do {
        const query = new URLSearchParams({ limit: "100", ...(app ? { app } : {}), ...(cursor ? { cursor } : {}) });
        const page: { data: KnowledgeSourceView[]; nextCursor: string | null } = await api.request(
          "GET",
          `${base}/sources?${query}`,
        );
        sources.push(...page.data);
        cursor = page.nextCursor;
      } while (cursor);
      return sources;
    },
    search: ({ app, query, k, mode }) =>
      api.request("GET", `${base}/search?${new URLSearchParams({ app, q: query, k: String(k), mode })}`),
    remove: async (id) => {
      await api.request("DELETE", `${base}/sources/${encodeURIComponent(id)}`);
    },
  };
}

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

/**
 * `skill kb add`: every file, folder and site given, one after the other, each waited for until
 * its processing settles (ready or error), with a progress bar on a terminal.
 */
export async function kbAddCommand(
  backend: KbBackend,
  out: Output,
  opts: { app: string; inputs: string[]; maxPages?: number },
) {
  if (opts.inputs.length === 0) throw new CliError("kb add needs at least one file, folder or URL");
  await backend.checkApp(opts.app);
  const { targets, missing } = expandTargets(opts.inputs);
  const results: { input: string; sourceId: string | null; status: string; chunks: number; error: string | null }[] =
    missing.map((input) => ({ input, sourceId: null, status: "error", chunks: 0, error: "no such file or folder" }));
  for (const target of targets) {
    const bar = out.json ? undefined : progressBar(target.name);
    const onProgress: OnProgress = (p) => bar?.update(p.done, p.total);
    try {
      const added =
        target.kind === "url"
          ? await backend.addUrl(opts.app, { url: target.name, maxPages: opts.maxPages }, onProgress)
          : await backend.addFile(
              opts.app,
              { name: target.name, bytes: new Uint8Array(readFileSync(target.name)) },
              onProgress,
            );
      if ("refused" in added) {
        results.push({ input: target.name, sourceId: null, status: "error", chunks: 0, error: added.refused });
      } else {
        const { source } = added;
        const chunks = source.progress.total;
        results.push({ input: target.name, sourceId: source.id, status: source.status, chunks, error: source.error });
      }
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

export async function kbListCommand(backend: KbBackend, out: Output, opts: { app?: string }) {
  const sources = await backend.list(opts.app);
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
  backend: KbBackend,
  out: Output,
  opts: { app: string; query: string; k: number; mode: string },
) {
  if (!SEARCH_MODES.includes(opts.mode as SearchMode)) {
    throw new CliError(`--mode must be one of ${SEARCH_MODES.join(", ")}`);
  }
  const result = await backend.search({ app: opts.app, query: opts.query, k: opts.k, mode: opts.mode as SearchMode });
  out.result(result, () => [
    ...(result.relevant ? [] : ["Nothing relevant (a draft would decline)."]),
    ...result.passages.flatMap((p, i) => [
      `${i + 1}. ${p.title}  [${p.retriever} ${p.score.toFixed(4)}]${p.url ? `  ${p.url}` : ""}`,
      `   ${p.text.replace(/\s+/g, " ").slice(0, 200)}`,
    ]),
  ]);
}

export async function kbRemoveCommand(backend: KbBackend, out: Output, opts: { id: string }) {
  await backend.remove(opts.id);
  out.result({ id: opts.id, removed: true }, () => [`Removed ${opts.id} with its chunks.`]);
}

/** `skill kb add|list|search|remove`, on either backend. */
export async function kbCommand(backend: KbBackend, inv: Invocation, out: Output) {
  switch (inv.sub) {
    case "add":
      return kbAddCommand(backend, out, kbAddOptions(inv));
    case "list":
      return kbListCommand(backend, out, { app: inv.values.app });
    case "search":
      return kbSearchCommand(backend, out, kbSearchOptions(inv));
    case "remove":
      if (!inv.arg) throw new CliError("kb remove needs the source id");
      return kbRemoveCommand(backend, out, { id: inv.arg });
    default:
      throw new CliError(`unknown command "${inv.route}"; run skill --help`);
  }
}
