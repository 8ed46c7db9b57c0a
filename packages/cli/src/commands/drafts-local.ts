import { approveDraft, publicDraft, rejectDraft } from "@support/core";
import { getApp, getDraft, listDrafts } from "@support/db";
import type { Product } from "@support/product";
import { CliError } from "../output.js";
import type { DraftsBackend } from "./drafts.js";
import { resolveOrg } from "./org.js";

export function localDrafts(runtime: Product, org?: string): DraftsBackend {
  const db = runtime.database.db;
  return {
    async list(filter) {
      const o = await resolveOrg(runtime, org);
      const app = filter.app ? await getApp(db, o.id, filter.app) : undefined;
      if (filter.app && !app) throw new CliError(`app "${filter.app}" not found`);
      const page = await listDrafts(db, o.id, { appId: app?.id, status: filter.status }, { limit: 100 });
      return page.data.map((d) => publicDraft(d));
    },
    async show(id) {
      const o = await resolveOrg(runtime, org);
      const draft = await getDraft(db, o.id, id);
      if (!draft) throw new CliError(`draft ${id} not found`);
      return publicDraft(draft);
    },
    async approve(id, text) {
      const o = await resolveOrg(runtime, org);
      // The running server's relay picks up the approval event and sends the reply.
      return publicDraft(await approveDraft(runtime.database, o.id, id, { text, actor: "cli", surface: "cli" }));
    },
    async reject(id, reason) {
      const o = await resolveOrg(runtime, org);
      return publicDraft(await rejectDraft(runtime.database, o.id, id, { reason, actor: "cli", surface: "cli" }));
    },
  };
}
