import { isFunctionWord } from "../text/language.js";
import { foldText, words } from "../text/text.js";

/**
 * What a question asks and which sentence carries it, for English, French and Malagasy (and
 * the other supported languages' function words): content stems without the words every question
 * has, and the kind of fact asked for (a duration, an amount, a time of day). Folded text,
 * plain alternations: linear in the text.
 */

/** Words that make a question a question, not a topic ("how much", "combien", "ohatrinona" ...). */
const QUESTION_WORDS = new Set(
  (
    "how much many long what whats when where which who why can could would should may might do does did is are there " +
    "any get want need please hi hello hey about also still yet ok okay sure possible thing know tell " +
    "combien quand comment pourquoi quel quelle quels quelles ou est ce ceci cela ca peux peut pouvez puis puisse " +
    "faut faire fait faites avez ai veux voudrais voudrait aimerais souhaite bonjour bonsoir merci svp stp possible " +
    "chose savoir dire quoi alors aussi encore bien ok " +
    "ohatrinona rahoviana aiza inona ahoana firy iza ve moa azafady afaka misy tiako mba manana mahazo fantatro " +
    "fantatra lazao tompoko salama"
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
const CONCEPTS: string[][] = [
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
const CONCEPT_OF = new Map<string, string>();
for (const group of CONCEPTS) {
  const name = `~${stemOf(group[0] as string)}`;
  for (const word of group) if (!word.includes(" ")) CONCEPT_OF.set(stemOf(word), name);
}

/** The stems that say what a text is about, each support notion's words as one. */
export function contentStems(text: string): Set<string> {
  return new Set(
    words(text)
      .filter((w) => (w.length >= 3 || /\d/.test(w)) && !isFunctionWord(w) && !QUESTION_WORDS.has(w))
      .map((w) => {
        const stem = stemOf(w);
        return CONCEPT_OF.get(stem) ?? stem;
      }),
  );
}

export type FactKind = "duration" | "amount" | "time_of_day";

const ASKS: [FactKind, RegExp][] = [
  [
    "duration",
    /\b(combien de temps|how long|how soon|how many (days|weeks|hours)|rahoviana|hafiriana|quand|when|delais?|sous combien|en combien de temps|valable|valid for|firy andro|expire)\b/,
  ],
  [
    "amount",
    /\b(combien|how much|price|prix|cout|coute|couter|tarifs?|frais|ohatrinona|vidiny|vidin|sarany|saran|cost|costs|fee|fees|gratuite?s?|free|free of charge|maimaimpoana|discount|reduction|remise|how many)\b/,
  ],
  [
    "time_of_day",
    /\b(horaires?|heures? d ouverture|ouvert|ouverte|opening hours|open|closed|ferme|fermee|misokatra|mikatona|amin ny firy|what time)\b/,
  ],
];

const CARRIES: Record<FactKind, RegExp> = {
  duration:
    /\d+\s*(h|heures?|jours?|days?|hours?|weeks?|semaines?|minutes?|mois|months?|ans?|years?|andro|ora|volana|taona)(?![a-z])|\b(jour meme|same day|lifetime|a vie)\b/,
  amount:
    /\d[\d\s.,]*\s*(€|eur|euros?|\$|ar|ariary|usd|dollars?|%)(?![a-z])|[$€]\s?\d|\b(gratuit|gratuite|free|maimaimpoana|sans frais)\b/,
  time_of_day: /\d+\s*(h|heures?|ora)(?![a-z])|\d+:\d\d|\d+\s?(am|pm)\b|\b(ferme|fermee|closed|mikatona)\b/,
};

/** The kinds of fact a question asks for. */
export function factKindsAsked(question: string): FactKind[] {
  const folded = words(question).join(" ");
  return ASKS.filter(([, pattern]) => pattern.test(folded)).map(([kind]) => kind);
}

/** Whether a sentence states a fact of that kind (a duration, an amount, an hour); currency signs count. */
export function carriesFact(sentence: string, kind: FactKind): boolean {
  return CARRIES[kind].test(foldText(sentence));
}
