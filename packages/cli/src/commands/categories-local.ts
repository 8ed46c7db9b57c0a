import { resetTriageConfig, setTriageConfig, showTriageConfig } from "@support/core";
import type { Product } from "@support/product";
import type { CategoriesBackend } from "./categories.js";
import { localContext } from "./org.js";

export function localCategories(runtime: Product, org?: string): CategoriesBackend {
  const ctx = () => localContext(runtime, org);
  return {
    show: async (app) => showTriageConfig(await ctx(), app),
    set: async (app, config) => setTriageConfig(await ctx(), app, config),
    reset: async (app) => resetTriageConfig(await ctx(), app),
  };
}
