import { c, type TableDef } from "./dialect.js";

const define = <T extends TableDef>(def: T) => def;

/**
 * A shop's product, keyed by (app, sku) so re-importing a catalogue updates rows in place. The
 * price is an integer of the currency's minor unit (ariary have none): never a float.
 */
export const products = define({
  name: "products",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    appId: c.id().required(),
    sku: c.string(64).required(),
    title: c.string(200).required(),
    titles: c.json().optional(),
    description: c.text().optional(),
    priceMinor: c.int().required(),
    currency: c.string(3).required(),
    stock: c.int().optional(),
    imageUrl: c.string(2000).optional(),
    category: c.string(100).optional(),
    active: c.bool().required(),
    synonyms: c.json().optional(),
    createdAt: c.time().required(),
    updatedAt: c.time().required(),
  },
  uniques: [{ name: "products_app_sku_uq", columns: ["orgId", "appId", "sku"] }],
  indexes: [],
});
