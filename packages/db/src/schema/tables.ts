import { c, type TableDef } from "./dialect.js";

/**
 * Every table of the platform, described once. Tenant-owned tables carry `orgId`; there are
 * no foreign keys (PlanetScale style): relations are enforced by the data-layer functions.
 */
const define = <T extends TableDef>(def: T) => def;

export const organizations = define({
  name: "organizations",
  columns: {
    id: c.id().primary(),
    name: c.string(200).required(),
    slug: c.string(100).required(),
    createdAt: c.time().required(),
  },
  uniques: [{ name: "organizations_slug_uq", columns: ["slug"] }],
  indexes: [],
});

export const apps = define({
  name: "apps",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    slug: c.string(100).required(),
    name: c.string(200).required(),
    settings: c.json().required(),
    createdAt: c.time().required(),
    updatedAt: c.time().required(),
  },
  uniques: [{ name: "apps_org_slug_uq", columns: ["orgId", "slug"] }],
  indexes: [],
});

export const apiKeys = define({
  name: "api_keys",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    name: c.string(200).required(),
    prefix: c.string(32).required(),
    hash: c.string(64).required(),
    role: c.string(16).required(),
    lastUsedAt: c.time().optional(),
    revokedAt: c.time().optional(),
    createdAt: c.time().required(),
  },
  uniques: [{ name: "api_keys_hash_uq", columns: ["hash"] }],
  indexes: [{ name: "api_keys_org_idx", columns: ["orgId"] }],
});

export const signingKeys = define({
  name: "signing_keys",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    appId: c.id().required(),
    secretCiphertext: c.text().required(),
    keyVersion: c.int().required(),
    active: c.bool().required(),
    createdAt: c.time().required(),
  },
  uniques: [],
  indexes: [{ name: "signing_keys_app_idx", columns: ["orgId", "appId"] }],
});

export const auditLog = define({
  name: "audit_log",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    actor: c.string(100).required(),
    action: c.string(100).required(),
    subject: c.string(100).required(),
    data: c.json().optional(),
    traceId: c.string(64).optional(),
    createdAt: c.time().required(),
  },
  uniques: [],
  indexes: [{ name: "audit_log_org_time_idx", columns: ["orgId", "createdAt"] }],
});

export const tableDefs = { organizations, apps, apiKeys, signingKeys, auditLog } as const;
