import { importCatalogue, listProductViews } from "@support/core";
import type { Product } from "@support/product";
import type { CatalogBackend } from "./catalog.js";
import { localContext } from "./org.js";

export function localCatalog(runtime: Product, org?: string): CatalogBackend {
  const ctx = () => localContext(runtime, org);
  return {
    import: async (app, upload) => importCatalogue(await ctx(), app, upload),
    list: async (app, q) => listProductViews(await ctx(), app, { q }),
  };
}
