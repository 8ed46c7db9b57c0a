import type { KnowledgeSourceView } from "@support/contract";
import {
  AppError,
  addFileSource,
  addUrlSource,
  deleteSource,
  listSources,
  processSource,
  resolveNamespace,
  searchAppKnowledge,
} from "@support/core";
import type { Product } from "@support/product";
import type { Added, KbBackend, OnProgress } from "./kb.js";
import { localContext } from "./org.js";

/**
 * `skill kb` on the DATA_DIR. Adding stores the source and its `kb/source.added` event like the
 * API does, then runs the processing steps here with the progress bar; should the CLI die
 * meanwhile, the server's workflow (or the next start) picks the source up from that event.
 */
export function localKb(runtime: Product, org?: string): KbBackend {
  const ctx = () => localContext(runtime, org);
  const settle = async (add: () => Promise<KnowledgeSourceView>, onProgress: OnProgress): Promise<Added> => {
    let source: KnowledgeSourceView;
    try {
      source = await add();
    } catch (error) {
      if (error instanceof AppError && error.code === "invalid_input") return { refused: error.message };
      throw error;
    }
    return { source: await processSource(await ctx(), source.id, { onProgress }) };
  };
  return {
    checkApp: async (app) => {
      await resolveNamespace(await ctx(), app);
    },
    addFile: async (app, file, onProgress) =>
      settle(async () => addFileSource(await ctx(), { app, ...file }), onProgress),
    addUrl: async (app, site, onProgress) =>
      settle(async () => addUrlSource(await ctx(), { app, ...site }), onProgress),
    list: async (app) => {
      const sources: KnowledgeSourceView[] = [];
      let cursor: string | undefined;
      do {
        const page = await listSources(await ctx(), { app, limit: 100, cursor });
        sources.push(...page.data);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return sources;
    },
    search: async (input) => searchAppKnowledge(await ctx(), input),
    remove: async (id) => deleteSource(await ctx(), id),
  };
}
