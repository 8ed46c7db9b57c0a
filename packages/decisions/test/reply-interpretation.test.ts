import { describe, expect, it } from "vitest";
import { interpretReply, scoreReplyCues } from "../src/index.js";

/** The offline reading of a reply to a quote (ADR 0114): French and English, negations, questions. */
const CASES: [string, "accept" | "refuse" | "question" | "more_info"][] = [
  ["Parfait, je valide", "accept"],
  ["Oui c'est d'accord, allez-y", "accept"],
  ["Je confirme la commande", "accept"],
  ["Ça me va, on lance", "accept"],
  ["Bon pour accord.", "accept"],
  ["I accept the quote, please proceed", "accept"],
  ["Sounds good to me, go ahead", "accept"],
  ["Yes, let's do it", "accept"],
  ["Je ne valide pas", "refuse"],
  ["je valide pas ce devis", "refuse"],
  ["Je n'accepte pas ce prix", "refuse"],
  ["Non merci, c'est trop cher", "refuse"],
  ["Je ne suis pas intéressé finalement", "refuse"],
  ["I don't accept the quote", "refuse"],
  ["I do not want to go ahead, too expensive", "refuse"],
  ["Please cancel my request", "refuse"],
  ["Ok mais combien de temps faut-il ?", "question"],
  ["C'est ok si je paie en deux fois ?", "question"],
  ["Ok, but which file formats do you deliver?", "question"],
  ["Pourquoi deux crédits ?", "question"],
  ["Is it possible to get it by Friday?", "question"],
  ["Voici les photos demandées", "more_info"],
  ["Ci-joint le plan, les mesures sont 40 x 30 cm", "more_info"],
  ["Here are the measurements you asked for", "more_info"],
];

describe("the offline reply interpreter", () => {
  it.each(CASES)("reads %j as %s", (text, intent) => {
    expect(interpretReply(text).intent).toBe(intent);
  });

  it("covers at least twenty phrasings in both languages", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(20);
  });

  it("turns a negated acceptance into a refusal and says so in its reasons", () => {
    expect(scoreReplyCues("je ne valide pas").matched).toContain("not valide→refuse");
    const reading = interpretReply("I don't accept");
    expect(reading.reasons.join(" ")).toContain("not accept→refuse");
  });

  it("is deterministic, and confident on a plain acceptance", () => {
    const a = interpretReply("Parfait, je valide le devis");
    expect(interpretReply("Parfait, je valide le devis")).toEqual(a);
    expect(a.confidence).toBeGreaterThan(0.8);
  });

  it("reads a reply that brings new attachments as more information, unless it decides", () => {
    expect(interpretReply("Voilà", { newFields: ["photo"] }).intent).toBe("more_info");
    expect(interpretReply("Je valide, voici aussi la photo", { newFields: ["photo"] }).intent).toBe("accept");
  });
});
