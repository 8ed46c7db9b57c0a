import { describeSigningKeys, removeOldSigningKeys, rotateSigningKey } from "@support/core";
import type { Product } from "@support/product";
import { resolveOrg } from "./org.js";
import type { SigningKeysBackend } from "./signing-keys.js";

export function localSigningKeys(runtime: Product, org?: string): SigningKeysBackend {
  const { database, secrets } = runtime;
  const orgId = async () => (await resolveOrg(runtime, org)).id;
  return {
    list: async (app) => describeSigningKeys(database, await orgId(), app),
    rotate: async (app) => rotateSigningKey(database, secrets, await orgId(), app, "cli"),
    removeOld: async (app) => removeOldSigningKeys(database, await orgId(), app, "cli"),
  };
}
