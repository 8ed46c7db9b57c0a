import { isFunctionWord } from "./language.js";

/**
 * Stems and support notions shared by drafting, relevance and triage: a light French/English
 * stemmer, and groups of words that name one support notion in English, French and Malagasy.
 */

/** Words that make a question a question, not a topic ("how much", "combien", "ohatrinona" ...). */
export const QUESTION_WORDS: ReadonlySet<string> = new Set(
  (
    "how much many long what whats when where which who why can could would should may might do does did is are there " +
    "any get want need please hi hello hey about also still yet ok okay sure possible thing know tell " +
    "combien quand comment pourquoi quel quelle quels quelles ou est ce ceci cela ca peux peut pouvez puis puisse " +
    "faut faire fait faites avez ai veux voudrais voudrait aimerais souhaite bonjour bonsoir merci svp stp possible " +
    "chose savoir dire quoi alors aussi encore bien ok " +
    "ohatrinona rahoviana aiza inona ahoana firy iza ve moa azafady afaka misy tiako mba manana mahazo fantatro " +
    "fantatra lazao tompoko salama mila iray tadiaviko tadiavina"
  ).split(" "),
);

/** Longest first: French and English inflections, so "livrez", "livraison" and "livrer" meet. */
const SUFFIXES = [
  "issements",
  "issement",
  "ements",
  "ement",
  "ations",
  "ation",
  "aisons",
  "aison",
  "ables",
  "able",
  "ibles",
  "ible",
  "euses",
  "euse",
  "eurs",
  "eur",
  "ings",
  "ing",
  "ions",
  "ons",
  "ies",
  "ied",
  "ees",
  "ee",
  "es",
  "er",
  "ez",
  "ed",
  "ly",
  "s",
  "e",
];

/** A light stemmer: one inflection off, then the first five letters (numbers are kept whole). */
export function stemOf(word: string): string {
  if (/\d/.test(word)) return word;
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length >= 4 && word.endsWith(suffix)) return word.slice(0, -suffix.length).slice(0, 5);
  }
  return word.slice(0, 5);
}

/**
 * Words customers and help pages use for the same support notion, in English, French and
 * Malagasy: each group's stems count as one, so "renvoyer" meets "retour" and "recevoir" meets
 * "livraison". Only notions every shop or SaaS has; nothing of one business.
 */
export const SUPPORT_NOTIONS: readonly (readonly string[])[] = [
  ["retour", "renvoyer", "rendre", "return", "returns", "returned", "send back", "famerenana", "averina", "mamerina"],
  [
    "livraison",
    "livrer",
    "recevoir",
    "receive",
    "arriver",
    "arrive",
    "delivery",
    "deliver",
    "shipping",
    "ship",
    "fandefasana",
    "alefa",
    "tonga",
  ],
  ["paiement", "payer", "regler", "reglement", "payment", "pay", "fandoavana", "mandoa", "aloa"],
  ["prix", "tarif", "cout", "couter", "price", "cost", "vidiny", "sarany"],
  ["horaires", "ouverture", "ouvert", "ouverte", "hours", "open", "opening", "misokatra"],
  ["remboursement", "rembourser", "refund", "refunds", "refunded", "money back", "famerenam"],
  ["annuler", "annulation", "resilier", "resiliation", "cancel", "cancellation", "foanana"],
  ["echange", "echanger", "exchange", "swap", "atakalo", "takalo"],
  ["abonnement", "subscription", "membership", "plan"],
  ["gratuit", "gratuite", "free", "maimaimpoana"],
];
/** Each stem of the groups' words to its notion's name (`~` and the first word's stem). */
export function notionIndex(groups: readonly (readonly string[])[]): ReadonlyMap<string, string> {
  const index = new Map<string, string>();
  for (const group of groups) {
    const name = `~${stemOf(group[0] as string)}`;
    for (const word of group) if (!word.includes(" ")) index.set(stemOf(word), name);
  }
  return index;
}

/** A word that says nothing of a message's topic: a function word or a question word. */
export function isTopicless(foldedWord: string): boolean {
  return isFunctionWord(foldedWord) || QUESTION_WORDS.has(foldedWord);
}
