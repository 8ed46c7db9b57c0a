import { type App, type Database, getApp, listApiKeys, type Organization } from "@support/db";
import { commitChange } from "../service/change.js";
import { OPERATOR, serviceContext } from "../service/context.js";
import type { Platform } from "../service/ports.js";
import { insertNewKey } from "./api-keys.js";
import { registerApp, slugify } from "./apps.js";
import { ensureOrganization } from "./organizations.js";

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
 * `skill init` (the operator, who holds the data folder): idempotent. Re-running with the same
 * names changes nothing and creates no new key unless asked to (`newKey`), or unless the
 * organization has no owner key at all.
 */
export async function initProduct(
  platform: Platform,
  input: { name: string; org?: string; newKey?: boolean },
): Promise<InitResult> {
  const orgName = input.org ?? "Default";
  const db: Database = platform.db;
  const { organization, created } = await ensureOrganization(db, {
    name: orgName,
    slug: slugify(orgName) || "default",
  });
  const ctx = serviceContext(platform, organization.id, { ...OPERATOR, name: "cli:init" });

  const appSlug = slugify(input.name);
  const existingApp = await getApp(db, organization.id, appSlug);
  let app = existingApp;
  let signingSecret: string | undefined;
  if (!app) {
    const registered = await registerApp(ctx, { name: input.name, slug: appSlug });
    app = registered.app;
    signingSecret = registered.signingSecret;
  }

  const ownerKeys = (await listApiKeys(db, organization.id)).filter((k) => k.role === "owner" && !k.revokedAt);
  let apiKey: InitResult["apiKey"];
  if (input.newKey || ownerKeys.length === 0) {
    apiKey = await commitChange(ctx, async (tx, log) => {
      const { key, token } = await insertNewKey(tx, organization.id, { name: "init", role: "owner" });
      await log.audit({ action: "api_key.created", subject: key.id });
      return { id: key.id, token };
    });
  }
  return { organization, organizationCreated: created, app, appCreated: !existingApp, apiKey, signingSecret };
}
