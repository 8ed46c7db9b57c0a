import {
  checkIntegrationHealth,
  describeIntegrationOf,
  finishSecretRotation,
  integrateApp,
  rotateIntegrationSecret,
} from "@support/core";
import type { Product } from "@support/product";
import type { IntegrationsBackend } from "./integrations.js";
import { localContext } from "./org.js";

export function localIntegrations(runtime: Product, org?: string): IntegrationsBackend {
  const ctx = () => localContext(runtime, org);
  return {
    integrate: async (app, input) => integrateApp(await ctx(), app, input),
    show: async (app) => describeIntegrationOf(await ctx(), app),
    health: async (app) => checkIntegrationHealth(await ctx(), app),
    rotate: async (app, secret) => rotateIntegrationSecret(await ctx(), app, { secret }),
    removeOldSecret: async (app) => finishSecretRotation(await ctx(), app),
  };
}
