import {
  connectClickUp,
  connectHubSpot,
  listProcedures,
  removeProcedure,
  saveProcedure,
  showProcedure,
  testProcedure,
} from "@support/core";
import type { Product } from "@support/product";
import { localContext } from "./org.js";
import type { ProceduresBackend } from "./procedures.js";

export function localProcedures(runtime: Product, org?: string): ProceduresBackend {
  const ctx = () => localContext(runtime, org);
  return {
    list: async (app) => listProcedures(await ctx(), app),
    save: async (app, input) => saveProcedure(await ctx(), app, input),
    show: async (app, key, version) => showProcedure(await ctx(), app, key, version),
    remove: async (app, key) => removeProcedure(await ctx(), app, key),
    test: async (app, key, input) => testProcedure(await ctx(), app, key, input),
    connectClickUp: async (app, input) => connectClickUp(await ctx(), app, input),
    connectHubSpot: async (app, input) => connectHubSpot(await ctx(), app, input),
  };
}
