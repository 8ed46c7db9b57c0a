import { listLeadViews } from "@support/core";
import type { Product } from "@support/product";
import type { LeadsBackend } from "./leads.js";
import { localContext } from "./org.js";

export function localLeads(runtime: Product, org?: string): LeadsBackend {
  return { list: async (app, stage) => listLeadViews(await localContext(runtime, org), { app, stage }) };
}
