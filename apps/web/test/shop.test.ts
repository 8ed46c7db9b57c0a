import { describe, expect, it } from "vitest";
import { filterLeads, type Lead, leadsByStage, minorToPrice, priceToMinor } from "../src/lib/shop.js";
import { parseDelivery, percentToBp, shopSettingsFromForm } from "../src/lib/shop-form.js";

const lead = (id: string, stage: Lead["stage"], extra: Partial<Lead> = {}): Lead => ({
  id,
  appId: "app_1",
  contactId: `ct_${id}`,
  contact: { name: `Client ${id}`, phone: "+261340000000", email: null },
  conversationId: null,
  stage,
  valueMinor: null,
  currency: null,
  valueText: null,
  owner: null,
  notes: null,
  quoteId: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  ...extra,
});

describe("shop amounts typed by a person", () => {
  it("reads prices in the currency's minor unit and refuses extra decimals", () => {
    expect(priceToMinor("95 000", "MGA")).toBe(95000);
    expect(priceToMinor("12,50", "EUR")).toBe(1250);
    expect(priceToMinor("12.5", "EUR")).toBe(1250);
    expect(priceToMinor("12.50", "MGA")).toBeUndefined();
    expect(priceToMinor("-3", "MGA")).toBeUndefined();
    expect(priceToMinor("abc", "MGA")).toBeUndefined();
    expect(minorToPrice(1250, "EUR")).toBe("12.50");
    expect(minorToPrice(95000, "MGA")).toBe("95000");
  });

  it("reads tax rates and delivery bands", () => {
    expect(percentToBp("20")).toBe(2000);
    expect(percentToBp("12,5")).toBe(1250);
    expect(percentToBp("101")).toBeUndefined();
    expect(parseDelivery("0 = 5 000\n200000 = 0\n")).toEqual([
      { fromSubtotalMinor: 0, feeMinor: 5000 },
      { fromSubtotalMinor: 200000, feeMinor: 0 },
    ]);
    expect(parseDelivery("0 = 5 = 6")).toBeUndefined();
  });

  it("turns the settings form into a patch, naming each refused field", () => {
    const base = {
      tax: "20",
      delivery: "",
      validity: "15",
      threshold: "",
      ownerVia: "whatsapp",
      ownerTarget: "+261 34 00 000 00",
    };
    const ok = shopSettingsFromForm(
      { ...base, "details.mvola": "034 00 000 00 (Rakoto)" },
      { pricesIncludeTax: false, methods: { mvola: true }, logoPng: null },
    );
    expect(ok.errors).toEqual({});
    expect(ok.settings).toMatchObject({
      taxRateBp: 2000,
      pricesIncludeTax: false,
      approvalThresholdMinor: null,
      ownerNotification: { via: "whatsapp", phone: "+261 34 00 000 00" },
      paymentInstructions: [{ method: "mvola", details: "034 00 000 00 (Rakoto)" }],
    });
    const bad = shopSettingsFromForm(
      { ...base, tax: "x", validity: "0", threshold: "1.5", ownerVia: "email", ownerTarget: "nobody" },
      { pricesIncludeTax: true, methods: {}, logoPng: null },
    );
    expect(Object.keys(bad.errors).sort()).toEqual(["ownerTarget", "tax", "threshold", "validity"]);
  });
});

describe("leads board", () => {
  it("groups leads into the pipeline's columns and filters by owner and words", () => {
    const leads = [
      lead("a", "new"),
      lead("b", "quoted", { owner: "Hery", notes: "veut livraison" }),
      lead("c", "won", { owner: "Hery" }),
    ];
    const columns = leadsByStage(leads);
    expect(Object.keys(columns)).toEqual(["new", "qualified", "quoted", "won", "lost"]);
    expect(columns.quoted.map((l) => l.id)).toEqual(["b"]);
    expect(filterLeads(leads, { owner: "hery" }).map((l) => l.id)).toEqual(["b", "c"]);
    expect(filterLeads(leads, { text: "livraison" }).map((l) => l.id)).toEqual(["b"]);
  });
});
