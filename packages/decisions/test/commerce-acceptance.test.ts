import { describe, expect, it } from "vitest";
import { orderConfirmedMessage, paymentLines, quoteMessage, readsAsAcceptance } from "../src/index.js";

describe("reading a reply to a quote as its acceptance", () => {
  it.each([
    "ok je prends",
    "Ok, je prends !",
    "D'accord, je les prends",
    "c'est bon je valide",
    "oui d'accord",
    "Eny, alaiko",
    "tsara izany, raisiko",
    "ok I'll take it",
    "Deal",
    "yes, go ahead",
  ])("accepts %j", (message) => {
    expect(readsAsAcceptance(message)).toMatchObject({ accepted: true });
  });

  it.each([
    ["je ne prends pas", "negated"],
    ["non merci, je ne le prends pas", "negated"],
    ["tsy alaiko", "negated"],
    ["I will not take it", "negated"],
    ["je prends ?", "question"],
    ["ok mais la livraison est à combien ?", "question"],
    ["je prends si vous livrez demain", "conditional"],
    ["raha mety ny vidiny dia alaiko", "conditional"],
    ["ok je vais réfléchir", "conditional"],
    ["ok", "agreement word alone"],
    ["merci pour le devis", "no acceptance"],
  ])("does not accept %j (%s)", (message, reason) => {
    const reading = readsAsAcceptance(message);
    expect(reading.accepted).toBe(false);
    expect(reading.reason).toContain(reason);
  });

  it("leaves a long message to a person even when it contains the words", () => {
    const long = `ok je prends mais ${"je voudrais aussi savoir pour la couleur et la taille ".repeat(3)}`;
    expect(readsAsAcceptance(long)).toMatchObject({ accepted: false, reason: "a long message: a person reads it" });
  });
});

describe("the shop's sentences", () => {
  it("writes payment instructions and the order confirmation in the customer's language", () => {
    const pay = [
      { method: "mvola" as const, details: "034 00 000 00" },
      { method: "cash_on_delivery" as const, details: "" },
    ];
    expect(paymentLines(pay, "fr")).toEqual(["MVola : 034 00 000 00", "Paiement à la livraison"]);
    expect(paymentLines(pay, "en")).toEqual(["MVola: 034 00 000 00", "Cash on delivery"]);
    expect(orderConfirmedMessage("mg", "D-0001", "449 000 Ar", paymentLines(pay, "mg"))).toBe(
      "Misaotra! Voaray ny kaomandinao (tombam-bidy D-0001, 449 000 Ar).\nFandoavana :\n- MVola : 034 00 000 00\n- Aloa rehefa tonga ny entana",
    );
    expect(quoteMessage("fr", "D-0002", "95 000 Ar", "2026-12-18")).toContain("devis D-0002 : total 95 000 Ar");
  });
});
