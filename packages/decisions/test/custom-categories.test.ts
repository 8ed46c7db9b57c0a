import { describe, expect, it } from "vitest";
import type { TriageCategory } from "../src/triage/categories.js";
import { applyConfidencePolicy } from "../src/triage/custom-categories.js";
import { buildTriageModel, triage } from "../src/triage/triage.js";

/** A modelling studio's own categories: nothing in the built-in set resembles them. */
const STUDIO: TriageCategory[] = [
  {
    name: "MODELISATION",
    description: "A request to model an object in 3D from photos, plans or dimensions.",
    risk: "low",
    examples: [
      "Je voudrais modéliser une chaise",
      "Pouvez-vous faire le modèle 3D de ma table ?",
      "I need a 3D model of a lamp",
      "Could you model this vase from the photos?",
    ],
    signals: [".stl", ".obj", ".blend", "modéliser", "modelisation", "3d"],
  },
  {
    name: "SUPPORT",
    description: "Questions about an existing order, the credits, the account or an invoice.",
    risk: "medium",
    examples: [
      "Je n'arrive pas à télécharger mon fichier",
      "Combien de crédits me reste-t-il ?",
      "I can't log in to my account",
      "Where is my invoice?",
    ],
  },
];

const model = buildTriageModel(STUDIO);
const run = (text: string, attachments?: string[]) => triage({ text, attachments }, model, { defaultLanguage: "fr" });

describe("an app's own categories", () => {
  it("learns them from the description and examples", () => {
    expect(run("Je n'arrive pas à télécharger mon fichier, pouvez-vous m'aider ?").category).toBe("SUPPORT");
  });

  it("settles a category by its signal words, accents folded", () => {
    const result = run("Bonjour, je voudrais modeliser une chaise");
    expect(result.category).toBe("MODELISATION");
    expect(result.reasons).toContain("keyword intent MODELISATION");
    expect(result.confidence).toBeGreaterThanOrEqual(0.85);
  });

  it("reads file extensions in attachment names, not in the customer's words", () => {
    const plain = run("Voici le fichier");
    const withFile = run("Voici le fichier", ["chaise-v2.STL"]);
    expect(withFile.category).toBe("MODELISATION");
    expect(withFile.reasons).toContain("keyword intent MODELISATION");
    // The admin declared the signal decisive: a classifier leaning elsewhere does not lower it.
    expect(withFile.confidence).toBeGreaterThanOrEqual(0.85);
    expect(plain.reasons).not.toContain("keyword intent MODELISATION");
  });

  it("treats signals as literals, so an admin's punctuation is no pattern", () => {
    const odd = buildTriageModel([
      { ...(STUDIO[0] as TriageCategory), signals: ["c++ (v2)", "a.*b"] },
      STUDIO[1] as TriageCategory,
    ]);
    expect(triage({ text: "it says a.*b" }, odd, { defaultLanguage: "en" }).category).toBe("MODELISATION");
    expect(triage({ text: "built with c++ (v2)" }, odd, { defaultLanguage: "en" }).category).toBe("MODELISATION");
    expect(triage({ text: "it says aXXb" }, odd, { defaultLanguage: "en" }).reasons).not.toContain(
      "keyword intent MODELISATION",
    );
  });
});

describe("the app's confidence threshold", () => {
  const unsure = run("Bonjour");
  it("hands an unsure triage to a person when there is no fallback", () => {
    const result = applyConfidencePolicy(unsure, { threshold: 0.99, fallbackCategory: null });
    expect(result.needsHuman).toBe(true);
    expect(result.reasons.at(-1)).toMatch(/below the app's threshold 0\.99: a person decides/);
  });

  it("uses the fallback category when one is set, and says what it replaced", () => {
    const result = applyConfidencePolicy(unsure, { threshold: 0.99, fallbackCategory: "SUPPORT" });
    expect(result).toMatchObject({ category: "SUPPORT", needsHuman: false });
    expect(result.reasons.at(-1)).toContain(`(was ${unsure.category})`);
  });

  it("leaves a confident triage alone", () => {
    const confident = run("je voudrais modéliser une chaise");
    expect(applyConfidencePolicy(confident, { threshold: 0.7, fallbackCategory: "SUPPORT" })).toEqual(confident);
  });
});
