import { listApps, listOrganizations } from "@support/db";
import type { Platform } from "../service/ports.js";

export interface TenantEntry {
  organization: { id: string; slug: string; name: string };
  apps: { id: string; slug: string; name: string }[];
}

/**
 * Every organization with its apps: what the operator's checks (`skill doctor`) walk. Like
 * `initProduct`, operator-level: it takes the platform, since it spans organizations.
 */
export async function listTenants(platform: Platform): Promise<TenantEntry[]> {
  const tenants: TenantEntry[] = [];
  for (const org of await listOrganizations(platform.db)) {
    const apps = await listApps(platform.db, org.id, { limit: 1000 });
    tenants.push({
      organization: { id: org.id, slug: org.slug, name: org.name },
      apps: apps.data.map((a) => ({ id: a.id, slug: a.slug, name: a.name })),
    });
  }
  return tenants;
}
