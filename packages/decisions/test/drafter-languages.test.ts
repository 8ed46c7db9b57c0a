import { describe, expect, it } from "vitest";
import { draftReply, type RetrievedPassage } from "../src/drafting/drafter.js";
import { teamSignature } from "../src/drafting/reply-templates.js";

const passage = (id: string, title: string, text: string, score: number): RetrievedPassage => ({
  id,
  sourceId: `src_${id}`,
  title,
  url: null,
  text,
  score,
});

const shop: RetrievedPassage[] = [
  passage(
    "tracking",
    "Suivi de colis",
    "Un e-mail avec le numéro de suivi est envoyé dès l'expédition de votre commande. Le suivi est visible dans votre espace client.",
    3.2,
  ),
  passage(
    "fees",
    "Frais de livraison",
    "La livraison est gratuite dès 60 € d'achat. En dessous de 60 €, les frais de livraison sont de 4,90 €.",
    2.9,
  ),
  passage(
    "delays",
    "Délais de livraison",
    "Les commandes sont préparées par notre équipe à Lyon. La livraison en France prend 3 à 5 jours ouvrés avec Colissimo.",
    2.5,
  ),
  passage(
    "fandefasana",
    "Fandefasana",
    "Maimaimpoana ny fandefasana raha mihoatra ny 60 € ny vidiana. Tonga ao anatin'ny 3 ka hatramin'ny 5 andro ny entana.",
    2.4,
  ),
];

const ask = (question: string, language: string) =>
  draftReply({
    question,
    customerName: null,
    language,
    tone: "friendly",
    signature: teamSignature(language, "Lyon"),
    passages: shop,
  });

describe("the offline drafter answers with the sentence that carries the asked fact", () => {
  it("finds an amount for 'is it free' and a duration for 'how long', whatever passage ranks first", () => {
    const free = ask("Bonjour, la livraison est-elle gratuite ?", "fr");
    expect(free.kind).toBe("reply");
    expect(free.text).toContain("gratuite dès 60 €");
    expect(free.text).not.toContain("numéro de suivi");
    const howLong = ask("Combien de temps pour recevoir ma livraison ?", "fr");
    expect(howLong.text).toContain("3 à 5 jours");
    expect(howLong.text).not.toContain("préparées par notre équipe");
  });

  it("answers in the customer's language from the passages written in it, signed in that language", () => {
    const malagasy = ask("Maimaimpoana ve ny fandefasana?", "mg");
    expect(malagasy.text).toContain("Maimaimpoana ny fandefasana");
    expect(malagasy.text).not.toContain("La livraison");
    expect(malagasy.text).toMatch(/Ny ekipan'i Lyon$/);
    const french = ask("La livraison est-elle gratuite ?", "fr");
    expect(french.text).toMatch(/L'équipe Lyon$/);
    expect(french.text).not.toMatch(/The Lyon team/);
  });

  it("meets the customer's word for a notion and the help page's (renvoyer / retour)", () => {
    const returns = passage(
      "returns",
      "Retours",
      "Vous disposez de 30 jours pour nous retourner un article non porté.",
      5,
    );
    const draft = draftReply({
      question: "J'ai combien de temps pour renvoyer un pull ?",
      customerName: null,
      language: "fr",
      tone: "friendly",
      signature: "L'équipe Lyon",
      passages: [returns, ...shop],
    });
    expect(draft.text).toContain("30 jours");
  });

  it("declines a question none of the passages is about", () => {
    expect(ask("Vous avez une recette de gratin dauphinois ?", "fr").kind).toBe("decline");
    expect(ask("Iza no filoha voalohany teto Madagasikara?", "mg").kind).toBe("decline");
  });
});
