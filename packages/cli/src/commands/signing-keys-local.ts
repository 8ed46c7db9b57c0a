import { describeSigningKeys, removeOldSigningKeys, rotateSigningKey } from "@support/core";
import type { Product } from "@support/product";
import { localContext } from "./org.js";
import type { SigningKeysBackend } from "./signing-keys.js";

export function localSigningKeys(runtime: Product, org?: string): SigningKeysBackend {
  const ctx = () => localContext(runtime, org);
  return {
    list: async (app) => describeSigningKeys(await ctx(), app),
    rotate: async (app) => rotateSigningKey(await ctx(), app),
    removeOld: async (app) => removeOldSigningKeys(await ctx(), app),
  };
}
