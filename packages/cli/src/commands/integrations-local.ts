import {
  checkIntegrationHealth,
  describeIntegrationOf,
  finishSecretRotation,
  integrateApp,
  rotateIntegrationSecret,
} from "@support/core";
import type { Product } from "@support/product";
import type { IntegrationsBackend } from "./integrations.js";
import { resolveOrg } from "./org.js";

export function localIntegrations(runtime: Product, org?: string): IntegrationsBackend {
  const deps = { db: runtime.database.db, secrets: runtime.secrets };
  const orgId = async () => (await resolveOrg(runtime, org)).id;
  return {
    integrate: async (app, input) => integrateApp(deps, await orgId(), app, input, "cli"),
    show: async (app) => describeIntegrationOf(deps, await orgId(), app),
    health: async (app) => checkIntegrationHealth(deps, await orgId(), app),
    rotate: async (app, secret) => rotateIntegrationSecret(deps, await orgId(), app, { secret }, "cli"),
    removeOldSecret: async (app) => finishSecretRotation(deps, await orgId(), app, "cli"),
  };
}
