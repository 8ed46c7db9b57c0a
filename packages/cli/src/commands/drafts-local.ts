import type { DraftStatus } from "@support/contract";
import { approveDraft, draftView, listDraftViews, rejectDraft } from "@support/core";
import type { Product } from "@support/product";
import type { DraftsBackend } from "./drafts.js";
import { localContext } from "./org.js";

export function localDrafts(runtime: Product, org?: string): DraftsBackend {
  const ctx = () => localContext(runtime, org);
  return {
    list: async ({ app, status }) =>
      // A status the API would refuse matches no draft here: the local list is a plain filter.
      (await listDraftViews(await ctx(), { app, status: status as DraftStatus | undefined, limit: 100 })).data,
    show: async (id) => draftView(await ctx(), id),
    // The running server's relay picks up the approval event and sends the reply.
    approve: async (id, choice) => approveDraft(await ctx(), id, choice),
    reject: async (id, reason) => rejectDraft(await ctx(), id, { reason }),
  };
}
