import { describe, expect, it } from "vitest";
import { actionClaims, actionClaimsGate, asEvidence, evidencePassages } from "../src/index.js";

describe("actionClaims", () => {
  it.each([
    ["I've refunded you in full.", "refund"],
    ["We have just cancelled your subscription.", "cancellation"],
    ["Your course has been transferred to your colleague.", "transfer"],
    ["I updated the email address on your account.", "email_change"],
    ["A full refund was issued this morning.", "refund"],
    ["J’ai remboursé votre commande.", "refund"],
    ["Votre abonnement a bien été résilié.", "cancellation"],
    ["Le remboursement a été effectué hier.", "refund"],
    ["Nous avons modifié votre adresse e-mail.", "email_change"],
    ["Efa naverinay ny volanao.", "refund"],
    ["Efa nofoananay ny kaomandinao.", "cancellation"],
    ["Nosoloina ny entana.", "replacement"],
    ["Novainay ny adiresy mailaka.", "email_change"],
  ])("finds the claim in %s", (text, kind) => {
    expect(actionClaims(text).map((c) => c.kind)).toEqual([kind]);
  });

  it.each([
    "Refunds are processed within 5 business days.",
    "Once your refund has been processed, you will get an email.",
    "We have not refunded this order yet.",
    "I can refund the ebook if you confirm.",
    "I changed my mind about the colour.",
    "Les remboursements sont traités sous 5 jours.",
    "Raha efa naverina ny vola dia handefa mailaka izahay.",
    "Would you like us to cancel your plan?",
  ])("finds no claim in %s", (text) => {
    expect(actionClaims(text)).toEqual([]);
  });
});

describe("actionClaimsGate", () => {
  const reply = "Hi Bea,\n\nI've refunded you in full. Refunds take 5 days to show.\n\nBest,\nThe Acme team";

  it("refuses a claimed refund nobody executed or proposed", () => {
    const result = actionClaimsGate(reply, []);
    expect(result.passed).toBe(false);
    expect(result.gate).toBe("action_claims");
    expect(result.findings).toEqual(['refund: "I\'ve refunded you in full."']);
  });

  it("passes it when the conversation proposes the refund (app or Stripe)", () => {
    expect(actionClaimsGate(reply, ["refund"]).passed).toBe(true);
    expect(actionClaimsGate(reply, ["stripe.refund"]).passed).toBe(true);
  });

  it("does not let one action back another's claim", () => {
    expect(actionClaimsGate("Votre abonnement a été annulé.", ["refund"]).passed).toBe(false);
  });
});

describe("asEvidence", () => {
  it("keeps only what holds for any customer", () => {
    const sent =
      "Hi Alice Martin, no problem: refunds are possible within 30 days of purchase.\n" +
      "I've refunded you in full, 99.00 EUR for order #4412.\n" +
      "Alice, your licence key LIC-99A2 is now inactive. You can buy again at any time.\n\n" +
      "Best,\nSam\nThe Acme team";
    const evidence = asEvidence(sent, { names: ["Alice Martin"] });
    expect(evidence).toBe(
      "no problem: refunds are possible within 30 days of purchase.\nYou can buy again at any time.",
    );
  });

  it("drops French and Malagasy greetings, sign-offs and action statements", () => {
    expect(
      asEvidence("Bonjour Jeanne,\nJ'ai remboursé votre commande. La livraison prend 3 jours.\nCordialement,\nLéa"),
    ).toBe("La livraison prend 3 jours.");
    expect(asEvidence("Salama Rakoto,\nEfa naverinay ny volanao. Misokatra isan'andro izahay.\nMisaotra,")).toBe(
      "Misokatra isan'andro izahay.",
    );
  });

  it("is empty when nothing general is left", () => {
    expect(asEvidence("Hi Bob,\nI've refunded you.\nThanks,\nAnn")).toBe("");
  });
});

describe("evidencePassages", () => {
  it("cuts learned conversations to their evidence and leaves other passages as they are", () => {
    const passages = [
      { id: "p1", text: "Hi Ann, I've refunded you. Refunds take 5 days.", sourceKind: "conversation" },
      { id: "p2", text: "Hi Ann, I've refunded you.", sourceKind: "conversation" },
      { id: "p3", text: "Hi there, I've refunded you.", sourceKind: "macro" },
      { id: "p4", text: "Refunds take 5 days." },
    ];
    expect(evidencePassages(passages)).toEqual([
      { id: "p1", text: "Refunds take 5 days.", sourceKind: "conversation" },
      passages[2],
      passages[3],
    ]);
  });
});
