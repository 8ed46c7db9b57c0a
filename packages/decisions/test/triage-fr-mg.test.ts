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

  // Every explicit request for a person, in many phrasings, and look-alikes that are not one (issue 13).
  it.each([
    ["fr", "Je veux parler à un conseiller"],
    ["fr", "Passez-moi un conseiller svp"],
    ["fr", "Je ne veux pas parler à un robot"],
    ["fr", "Pouvez-vous me rappeler ?"],
    ["fr", "Rappelez-moi au 034 00 000 00"],
    ["fr", "Mettez-moi en relation avec le service client"],
    ["fr", "J'aimerais avoir quelqu'un au téléphone"],
    ["fr", "Vous pouvez m'appeler ?"],
    ["fr", "Je souhaite être mise en relation avec une conseillère"],
    ["mg", "Antsoy aho azafady"],
    ["mg", "Afaka miantso ahy ve ianareo?"],
    ["mg", "Mba hiresaka amin'ny tompon'andraikitra aho"],
    ["mg", "Olona tena izy no tiako"],
    ["mg", "Tsy robot no tadiaviko"],
    ["mg", "Mila miresaka amin'ny mpiasa iray aho azafady."],
    ["en", "can a real person call me"],
    ["en", "I need a human"],
    ["en", "Transfer me to an agent"],
    ["en", "Is there a person I can talk to?"],
    ["en", "I don't want a bot"],
    ["en", "Please call me back"],
    ["en", "Could I get an agent?"],
  ])("escalates (%s) %s, whatever else the message says", (_language, text) => {
    const result = run(text);
    expect(result.needsHuman).toBe(true);
    // Words asking for a person are no topic: nothing else said, the category is the fallback.
    expect(result.category).toBe("other");
  });

  it.each([
    "Quel est le prix pour une équipe de 10 personnes ?",
    "Je veux passer une commande pour une personne",
    "Je n'ai pas reçu la machine",
    "I want to add a person to my account",
    "How many people can use the team plan?",
    "My washing machine is not working with the app",
    "I don't see the AI feature",
    "Can I share my account with someone?",
  ])("does not take %s for a request for a person", (text) => {
    expect(run(text).needsHuman).toBe(false);
  });

  it("reads the topic beside a request for a person, and the likelier of two named intents", () => {
    expect(run("Je veux parler à un conseiller pour me faire rembourser")).toMatchObject({
      needsHuman: true,
      category: "refund",
    });
    expect(run("Remboursez-moi ma commande n°4512, le pull est arrivé troué.").category).toBe("refund");
  });

  it("lets one language's examples teach another through shared support notions", () => {
    // No French example says "résilier"; the English ones say "cancel my subscription".
    expect(run("Comment je résilie mon abonnement ?").category).toBe("billing");
    expect(run("Ahoana no hanovana ny teny miafina?").category).toBe("account_access");
  });
});
