import { beforeAll, describe, expect, it } from "vitest";
import { buildTriageModel, type TriageModel, triage } from "../src/triage/triage.js";

describe("triage in French and Malagasy", () => {
  let model: TriageModel;
  beforeAll(() => {
    model = buildTriageModel();
  });
  const run = (text: string) => triage({ text }, model, { defaultLanguage: "fr" });

  it.each([
    ["Vos frais de livraison pour la Corse, c'est combien ?", "fr", "order_shipping"],
    ["Où en est ma commande passée lundi ?", "fr", "order_shipping"],
    ["Rahoviana no tonga any Toamasina ny entana nalefanareo?", "mg", "order_shipping"],
    ["Averino ny volako azafady, tsy nety ilay akanjo.", "mg", "refund"],
    ["Hadinoko ny teny miafina amin'ny kaontiko", "mg", "account_access"],
  ])("%s → %s, %s", (text, language, category) => {
    expect(run(text)).toMatchObject({ language, category, needsHuman: false });
  });

  it.each([
    "Mettez-moi en relation avec un conseiller.",
    "Je préfère un humain, merci.",
    "Mila olona aho azafady.",
    "Tiako hiresaka amin'olona ny olako.",
  ])("hands a request for a person to a person: %s", (text) => {
    expect(run(text).needsHuman).toBe(true);
  });
});
