import { describe, expect, it } from "vitest";
import {
  allGatesPassed,
  bannedPhrasesGate,
  citationsGate,
  internalStateGate,
  languageGate,
  lengthGate,
  repeatGate,
  runGates,
  unsupportedClaimsGate,
} from "../src/gates/index.js";

describe("internalStateGate", () => {
  it("passes an ordinary reply", () => {
    expect(internalStateGate("Hi Ann, you can reset your password from the login page. Best, Acme")).toEqual({
      gate: "internal_state",
      passed: true,
    });
  });

  it.each([
    ["meta-commentary", "As an AI language model, I cannot see your order."],
    ["meta-commentary", "En tant qu'IA, je ne peux pas vous aider."],
    ["draft framing", "Here is a draft reply for the customer: Hello!"],
    ["tool error", "Sorry, tool error: lookupUser returned status code 500"],
    ["template debris", "Hello {{customer_name}}, your order is on its way."],
    ["template debris", "Your plan is undefined."],
    ["routing words", "Thanks! category: billing, escalated to tier 2"],
    ["note to the agent", "Hello,\nNote to agent: check the refund policy first."],
    ["note to the agent", "According to the passage, refunds take a while."],
    ["note to the agent", "Hello!\nTODO: add the tracking link"],
    ["meta-commentary", "En tant qu'assistant IA, je vous réponds volontiers."],
    ["note to the agent", "Bonjour, d'après les passages fournis, la livraison prend 3 jours."],
    ["note to the agent", "Selon le contexte fourni, votre commande est partie."],
    ["meta-commentary", "Je suis un assistant virtuel et je ne peux pas voir votre commande."],
    ["meta-commentary", "Amin'ny maha IA ahy dia tsy afaka mijery ny baikonao aho."],
    ["note to the agent", "Salama, araka ny andalana nomena, 5 000 Ar ny fandefasana."],
  ])("catches %s", (kind, text) => {
    const result = internalStateGate(text);
    expect(result.passed).toBe(false);
    expect(result.findings?.some((f) => f.startsWith(kind))).toBe(true);
  });
});

describe("internalStateGate on legitimate replies", () => {
  it.each([
    "Note: the export can take a few minutes for large accounts.",
    "Todo está listo: tu pedido sale hoy.",
    "Our API allows 100 requests per minute; above that you get a 429 rate limit response.",
    "Selon les cas, la livraison prend 3 à 5 jours. Notre assistant de commande vous guide sur le site.",
    "Ny fandefasana ao Antananarivo dia 5 000 Ar; ny mpiasanay no mandefa ny entana.",
  ])("lets through: %s", (text) => {
    expect(internalStateGate(text).passed).toBe(true);
  });
});

describe("bannedPhrasesGate", () => {
  it("matches whole phrases regardless of case and accents", () => {
    expect(bannedPhrasesGate("We are SORRY FOR THE INCONVENIENCE.", ["sorry for the inconvenience"]).passed).toBe(
      false,
    );
    expect(bannedPhrasesGate("C'est gratuit !", ["gratuit"]).findings).toEqual(["gratuit"]);
    expect(bannedPhrasesGate("Désolé", ["desole"]).passed).toBe(false);
  });

  it("does not match inside other words", () => {
    expect(bannedPhrasesGate("Our freelancers are great", ["free"]).passed).toBe(true);
    expect(bannedPhrasesGate("anything", []).passed).toBe(true);
  });
});

describe("unsupportedClaimsGate", () => {
  const passage = "Refunds are issued within 5 business days. The Pro plan costs $19.99 per month, 20% off yearly.";

  it("accepts numbers that the sources state", () => {
    const text = "Your refund will arrive within 5 business days, and Pro is $19.99 a month (20% off if yearly).";
    expect(unsupportedClaimsGate(text, [passage])).toEqual({ gate: "unsupported_claims", passed: true });
  });

  it.each([
    ["amount", "The Pro plan costs $24.99 per month."],
    ["amount", "We will refund 50 euros today."],
    ["percentage", "You get a 30% discount."],
    ["duration", "Your refund arrives within 3 days."],
    ["date", "Your order ships on March 14."],
    ["date", "Expected delivery: 2026-12-01."],
    ["guarantee", "We guarantee it will be fixed."],
    ["guarantee", "Nous vous le garantissons, c'est garanti."],
  ])("flags an invented %s", (kind, text) => {
    const result = unsupportedClaimsGate(text, [passage]);
    expect(result.passed).toBe(false);
    expect(result.findings?.[0]).toMatch(new RegExp(`^${kind}`));
  });

  it("accepts facts from the customer's data, with another number format", () => {
    expect(
      unsupportedClaimsGate("Your order of 1,250 MGA was placed on 12/03/2026.", ["total 1250 MGA, date 12.03.2026"])
        .passed,
    ).toBe(true);
    expect(unsupportedClaimsGate("Votre remboursement de 19,99 € est en cours.", ["amount: 19.99 EUR"]).passed).toBe(
      true,
    );
  });
});

describe("citationsGate", () => {
  it("wants at least one citation, all of them retrieved", () => {
    expect(citationsGate(["p1"], ["p1", "p2"]).passed).toBe(true);
    expect(citationsGate([], ["p1"])).toMatchObject({ passed: false, reason: "the reply cites no passage" });
    expect(citationsGate(["p1", "p9"], ["p1"])).toMatchObject({ passed: false, findings: ["p9"] });
  });
});

describe("lengthGate", () => {
  it("keeps replies within bounds", () => {
    expect(lengthGate("Too short").passed).toBe(false);
    expect(lengthGate("x".repeat(2001)).passed).toBe(false);
    expect(lengthGate("A reply of a sensible length.").passed).toBe(true);
    expect(lengthGate("abc", { min: 1, max: 5 }).passed).toBe(true);
  });
});

describe("languageGate", () => {
  it("fails a reply in another language than the customer's", () => {
    expect(languageGate("Bonjour, votre commande est en route et arrivera bientôt.", "en")).toMatchObject({
      passed: false,
      findings: ["fr"],
    });
    expect(languageGate("Hello, your order is on its way and will arrive soon.", "en").passed).toBe(true);
  });

  it("passes, with a note, when the language cannot be told", () => {
    expect(languageGate("OK 👍", "fr")).toMatchObject({ passed: true, reason: "language could not be determined" });
  });
});

describe("repeatGate", () => {
  it("fails a reply the customer already received", () => {
    const earlier = "You can reset your password from the login page by clicking Forgot password.";
    expect(repeatGate(`${earlier}\n\nBest,\nAcme`, ["Hi!", earlier]).findings?.[0]).toMatch(/earlier reply #2/);
    expect(repeatGate("Your parcel left our warehouse this morning.", [earlier]).passed).toBe(true);
  });
});

describe("runGates", () => {
  it("runs every gate and reports each failure", () => {
    const results = runGates({
      text: "As an AI, I guarantee a refund of $500 within 2 days.",
      citedPassageIds: [],
      passages: [{ id: "p1", text: "Refunds take 5 days." }],
      customerData: [],
      customerLanguage: "en",
      bannedPhrases: ["refund"],
      earlierReplies: [],
    });
    expect(results.map((r) => r.gate)).toEqual([
      "internal_state",
      "banned_phrases",
      "unsupported_claims",
      "citations",
      "length",
      "language",
      "repeat",
      "action_claims",
    ]);
    expect(results.filter((r) => !r.passed).map((r) => r.gate)).toEqual([
      "internal_state",
      "banned_phrases",
      "unsupported_claims",
      "citations",
    ]);
    expect(allGatesPassed(results)).toBe(false);
  });

  it("supports claims only with the passages the draft cites", () => {
    const input = {
      text: "Refunds take 5 days to reach your account.",
      passages: [
        { id: "p1", text: "Refunds take 5 days." },
        { id: "p2", text: "Shipping is free." },
      ],
      customerData: [],
      customerLanguage: "en",
      bannedPhrases: [],
      earlierReplies: [],
    };
    expect(allGatesPassed(runGates({ ...input, citedPassageIds: ["p1"] }))).toBe(true);
    expect(allGatesPassed(runGates({ ...input, citedPassageIds: ["p2"] }))).toBe(false);
  });
});
