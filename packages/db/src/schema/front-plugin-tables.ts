import { c, type TableDef } from "./dialect.js";

const define = <T extends TableDef>(def: T) => def;

/**
 * The Front sidebar plugin an organization registered (one per organization): Front passes the
 * plugin's auth secret to the plugin page, which sends it with every call. The secret is
 * encrypted at rest and never returned.
 */
export const frontPluginConfigs = define({
  name: "front_plugin_configs",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    secretCiphertext: c.text().required(),
    createdAt: c.time().required(),
    updatedAt: c.time().required(),
  },
  uniques: [{ name: "front_plugin_configs_org_uq", columns: ["orgId"] }],
  indexes: [],
});
