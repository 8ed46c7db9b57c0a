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

/**
 * A quote (devis): numbered per app, its lines and figures frozen at creation (a later price
 * change does not alter a quote already sent), amounts in minor units.
 */
export const quotes = define({
  name: "quotes",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    appId: c.id().required(),
    number: c.int().required(),
    conversationId: c.id().optional(),
    /** The customer message a quote was made from; one quote per message, whatever the retries. */
    messageId: c.id().optional(),
    customer: c.json().required(),
    lines: c.json().required(),
    terms: c.json().required(),
    currency: c.string(3).required(),
    language: c.string(10).required(),
    subtotalMinor: c.int().required(),
    taxMinor: c.int().required(),
    deliveryMinor: c.int().required(),
    totalMinor: c.int().required(),
    status: c.string(24).required(),
    validUntil: c.time().required(),
    createdAt: c.time().required(),
    updatedAt: c.time().required(),
  },
  uniques: [
    { name: "quotes_app_number_uq", columns: ["orgId", "appId", "number"] },
    { name: "quotes_message_uq", columns: ["orgId", "messageId"] },
  ],
  indexes: [{ name: "quotes_conversation_idx", columns: ["orgId", "conversationId"] }],
});

/**
 * A shop's settings, one row per app: tax, delivery bands, quote validity, payment instructions,
 * logo, the amount above which a quote waits for a person, and where the owner is told of an
 * order. Validated by the contract's `shopSettingsBody`; stored whole as JSON.
 */
export const shopSettings = define({
  name: "shop_settings",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    appId: c.id().required(),
    settings: c.json().required(),
    createdAt: c.time().required(),
    updatedAt: c.time().required(),
  },
  uniques: [{ name: "shop_settings_app_uq", columns: ["orgId", "appId"] }],
  indexes: [],
});

/**
 * A lead of the mini-CRM: one per contact and app, moved along new → qualified → quoted → won /
 * lost by the conversation (a product question, a quote sent, the quote accepted) or by hand.
 */
export const leads = define({
  name: "leads",
  columns: {
    id: c.id().primary(),
    orgId: c.id().required(),
    appId: c.id().required(),
    contactId: c.id().required(),
    conversationId: c.id().optional(),
    stage: c.string(16).required(),
    valueMinor: c.int().optional(),
    currency: c.string(3).optional(),
    owner: c.string(200).optional(),
    notes: c.text().optional(),
    quoteId: c.id().optional(),
    createdAt: c.time().required(),
    updatedAt: c.time().required(),
  },
  uniques: [{ name: "leads_app_contact_uq", columns: ["orgId", "appId", "contactId"] }],
  indexes: [{ name: "leads_app_stage_idx", columns: ["orgId", "appId", "stage"] }],
});
