import {
  type App,
  createOrganization,
  type Db,
  findOrganizationBySlug,
  getApp,
  listApiKeys,
  type Organization,
  type SecretBox,
} from "@support/db";
import { createApiKey } from "./api-keys.js";
import { registerApp, slugify } from "./apps.js";

export interface InitResult {
  organization: Organization;
  organizationCreated: boolean;
  app: App;
  appCreated: boolean;
  /** Printed once: present only when a key was created by this run. */
  apiKey?: { id: string; token: string };
  /** Printed once: present only when the app was created by this run. */
  signingSecret?: string;
}

/**
 * `skill init`: idempotent. Re-running with the same names changes nothing and creates no
 * new key unless asked to (`newKey`), or unless the organization has no owner key at all.
 */
export async function initProduct(
  db: Db,
  secrets: SecretBox,
  input: { name: string; org?: string; newKey?: boolean },
): Promise<InitResult> {
  const orgName = input.org ?? "Default";
  const orgSlug = slugify(orgName) || "default";
  const existingOrg = await findOrganizationBySlug(db, orgSlug);
  const organization = existingOrg ?? (await createOrganization(db, { name: orgName, slug: orgSlug }));

  const appSlug = slugify(input.name);
  const existingApp = await getApp(db, organization.id, appSlug);
  let app = existingApp;
  let signingSecret: string | undefined;
  if (!app) {
    const created = await registerApp(db, secrets, organization.id, { name: input.name, slug: appSlug }, "cli:init");
    app = created.app;
    signingSecret = created.signingSecret;
  }

  const ownerKeys = (await listApiKeys(db, organization.id)).filter((k) => k.role === "owner" && !k.revokedAt);
  let apiKey: InitResult["apiKey"];
  if (input.newKey || ownerKeys.length === 0) {
    const { key, token } = await createApiKey(db, organization.id, { name: "init", role: "owner" });
    apiKey = { id: key.id, token };
  }
  return {
    organization,
    organizationCreated: !existingOrg,
    app,
    appCreated: !existingApp,
    apiKey,
    signingSecret,
  };
}
