import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CATEGORIES } from "../src/triage/categories.js";
import { buildTriageModel, type TriageModel, triage } from "../src/triage/triage.js";

describe("triage with the default categories", () => {
  let model: TriageModel;
  beforeAll(() => {
    model = buildTriageModel();
  });
  const run = (text: string, extra: { subject?: string; from?: string; headers?: Record<string, string> } = {}) =>
    triage({ text, ...extra }, model, { defaultLanguage: "en" });

  it("returns every field with reasons", () => {
    const result = run("The app crashes every time I open the dashboard");
    expect(result).toMatchObject({ category: "technical_issue", language: "en", spam: false, needsHuman: false });
    expect(Object.keys(result).sort()).toEqual(
      [
        "automated",
        "category",
        "confidence",
        "flags",
        "intent",
        "language",
        "needsHuman",
        "priority",
        "reasons",
        "sentiment",
        "spam",
      ].sort(),
    );
    expect(result.reasons.length).toBeGreaterThan(0);
  });

  it("settles clear intents by keyword, with the classifier as a second opinion", () => {
    const result = run("I forgot my password and cannot get in");
    expect(result).toMatchObject({ category: "account_access", intent: "password_reset" });
    expect(result.reasons.some((r) => r.includes("keyword intent password_reset"))).toBe(true);
  });

  it("escalates a request for a person in any supported language", () => {
    for (const text of ["I want to talk to a human", "Quiero hablar con una persona", "Te hiresaka amin'olona aho"]) {
      expect(run(text).needsHuman).toBe(true);
    }
  });

  it("marks auto-replies and bounces so they are ignored", () => {
    const result = run("I am out of the office until Monday.", { subject: "Out of office" });
    expect(result).toMatchObject({ automated: "auto_reply", priority: "low", needsHuman: false });
    expect(run("Delivery failed", { from: "mailer-daemon@mx.example" }).automated).toBe("bounce");
  });

  it("classifies spam as spam at low priority", () => {
    expect(run("Get 1000 backlinks and reach the first page of Google")).toMatchObject({ spam: true, priority: "low" });
  });

  it("flags angry customers, legal threats and security incidents for the never-auto-send list", () => {
    expect(run("This is unacceptable, the worst service ever").flags).toEqual(["angry_customer"]);
    expect(run("I will ask my lawyer about this invoice").flags).toEqual(["legal"]);
    expect(run("Someone made unauthorized purchases on my account").flags).toEqual(["security"]);
    expect(run("How do I export my data?").flags).toEqual([]);
  });

  it("raises priority for urgency, anger and high-risk categories", () => {
    expect(run("My account was hacked, fix it ASAP").priority).toBe("urgent");
    expect(run("This is unacceptable, the worst service I have ever used").priority).toBe("high");
    expect(run("Please refund my last order").priority).toBe("high");
  });

  it("detects the customer's language, falling back to the app's", () => {
    expect(run("Bonjour, ma commande n'est toujours pas arrivée").language).toBe("fr");
    expect(triage({ text: "#4412" }, model, { defaultLanguage: "mg" }).language).toBe("mg");
  });

  it("falls back to `other` with low confidence when the classifier abstains", () => {
    const result = run("zebra quantum lasagna");
    expect(result.category).toBe("other");
    expect(result.confidence).toBeLessThan(0.5);
  });

  it("trains on an app's own categories", () => {
    const custom = buildTriageModel([
      {
        name: "quote",
        description: "Asking for a price quote (devis)",
        risk: "low",
        examples: ["I need a quote", "send me a devis", "how much for 3 items"],
      },
      {
        name: "catalogue",
        description: "Questions about products",
        risk: "low",
        examples: ["do you have red shoes", "is this in stock", "what sizes exist"],
      },
    ]);
    expect(triage({ text: "can you send a quote for 10 items" }, custom, { defaultLanguage: "fr" }).category).toBe(
      "quote",
    );
    expect(custom.categories).not.toBe(DEFAULT_CATEGORIES);
  });
});
