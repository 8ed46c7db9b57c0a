import { isFunctionWord } from "../text/language.js";
import { notionIndex, QUESTION_WORDS, SUPPORT_NOTIONS, stemOf } from "../text/notions.js";
import { foldText, words } from "../text/text.js";

/**
 * What a question asks and which sentence carries it, for English, French and Malagasy (and
 * the other supported languages' function words): content stems without the words every question
 * has, and the kind of fact asked for (a duration, an amount, a time of day). Folded text,
 * plain alternations: linear in the text.
 */

/** The drafter's notions: the ones every shop or SaaS has (`SUPPORT_NOTIONS`). */
const NOTION_OF = notionIndex(SUPPORT_NOTIONS);

/** The stems that say what a text is about, each support notion's words as one. */
export function contentStems(text: string): Set<string> {
  return new Set(
    words(text)
      .filter((w) => (w.length >= 3 || /\d/.test(w)) && !isFunctionWord(w) && !QUESTION_WORDS.has(w))
      .map((w) => {
        const stem = stemOf(w);
        return NOTION_OF.get(stem) ?? stem;
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
