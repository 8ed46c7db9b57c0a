import { words } from "./text.js";

/**
 * Offline language identification for the supported languages, from function words (which every
 * sentence has, even a short one) and a few letters peculiar to one language. No model to download.
 */

export const SUPPORTED_LANGUAGES = ["en", "fr", "es", "de", "pt", "it", "mg"] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

// Accents are folded away before matching, so "não" is listed as "nao" and "für" as "fur".
const FUNCTION_WORDS: Record<Language, string> = {
  en: "the and is are to of my i you it for with this that have has not can how what please thanks thank hello hi do does was were be on in me your would could there when why get got been will just our",
  fr: "le la les des du de un une et est je vous mon ma mes pour pas ne que qui avec sur dans bonjour merci il elle nous ce cette au aux sont ai suis comment pourquoi votre vos svp oui non j m n c d l qu y ete etre avoir mais tres",
  es: "el los las del y es no por para con una mi mis su que como hola gracias pero esta estoy tengo quiero puedo muy porque cuando donde se lo le al un ha hay usted ayuda hablar necesito",
  de: "der die das und ist ich nicht sie mit fur auf ein eine einen zu den dem es wie was bitte danke hallo mein meine haben habe kann sind auch aber noch wir bei mir mich von wurde warum",
  pt: "o os as do da dos das e nao um uma com para por meu minha voce ola obrigado obrigada em no na que como esta estou tenho quero posso isso mais ajuda falar ao seu sua foi",
  it: "il lo gli le della di che e non un una per con mio mia sono ho come ciao grazie buongiorno vorrei posso questo questa anche ma del nel perche parlare aiuto mi ti si al ancora",
  mg: "ny sy ho dia tsy amin ary fa izy aho ianao azafady misaotra manao inona ahoana tiako mba ve izao io ity ilay any eto no ka koa rehefa salama tompoko te miresaka hiresaka olona vola ahy anao mila afaka efa mbola nefa raha avy tamin hoe iza aiza oviana noho mandeha",
};

const LETTER_HINTS: [RegExp, Language, number][] = [
  [/ñ|¿|¡/g, "es", 2],
  [/ß/g, "de", 2],
  [/[äöü]/g, "de", 1],
  [/[ãõ]/g, "pt", 2],
  [/[èù]/g, "fr", 0.5],
  [/[êâîûœ]/g, "fr", 1],
];

const owners = new Map<string, Language[]>();
for (const language of SUPPORTED_LANGUAGES) {
  for (const word of FUNCTION_WORDS[language].split(" ")) owners.set(word, [...(owners.get(word) ?? []), language]);
}

/** A word every sentence of some supported language has: useless as evidence of a topic. */
export function isFunctionWord(foldedWord: string): boolean {
  return owners.has(foldedWord);
}

export interface DetectedLanguage {
  /** Null when nothing in the text points at a supported language. */
  language: Language | null;
  confidence: number;
}

export function detectLanguage(text: string): DetectedLanguage {
  const scores = new Map<Language, number>();
  const add = (language: Language, points: number) => scores.set(language, (scores.get(language) ?? 0) + points);
  for (const word of words(text)) {
    const languages = owners.get(word);
    // A word shared by several languages is split between them, so only distinctive words decide.
    if (languages) for (const language of languages) add(language, 1 / languages.length);
  }
  const lower = text.toLowerCase();
  for (const [pattern, language, points] of LETTER_HINTS) add(language, (lower.match(pattern)?.length ?? 0) * points);
  let best: Language | null = null;
  let bestScore = 0;
  let total = 0;
  for (const language of SUPPORTED_LANGUAGES) {
    const score = scores.get(language) ?? 0;
    total += score;
    if (score > bestScore) {
      best = language;
      bestScore = score;
    }
  }
  return { language: best, confidence: total > 0 ? bestScore / total : 0 };
}
