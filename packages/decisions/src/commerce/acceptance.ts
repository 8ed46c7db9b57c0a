import { words } from "../text/text.js";

/**
 * Whether a customer's message accepts the quote they were sent ("ok je prends", "eny, alaiko",
 * "deal, I'll take it"). Phrases are weighed rather than matched: a commitment ("je prends",
 * "alaiko", "take it") counts 2, an agreement word ("ok", "oui", "eny") 1, and the message must
 * reach 2. Whatever the phrases, a negation ("je ne prends pas", "tsy alaiko"), a question ("je
 * prends ?"), a condition or a hesitation ("si", "raha", "peut-être") means it is not an
 * acceptance, and so does a long message (a conversation, not an answer). The caller adds the
 * context: a quote was sent in this conversation and is still valid. Linear in the message.
 */

export interface AcceptanceReading {
  accepted: boolean;
  reason: string;
}

// Longer than this, a message says more than yes: a person reads it.
const MAX_WORDS = 25;

const COMMITMENTS: readonly string[] = [
  // French
  "je prends",
  "je le prends",
  "je la prends",
  "je les prends",
  "on prend",
  "on le prend",
  "on les prend",
  "je valide",
  "je confirme",
  "je commande",
  "j accepte",
  "c est bon",
  "ca marche",
  "marche conclu",
  "devis accepte",
  "je veux bien",
  "envoyez",
  "livrez",
  // Malagasy
  "alaiko",
  "raisiko",
  "ekeko",
  "hakako",
  "ataovy",
  "andefaso",
  "alefaso",
  "tsara izany",
  "mety izany",
  // English
  "i ll take",
  "i will take",
  "we ll take",
  "take it",
  "take them",
  "i accept",
  "i confirm",
  "deal",
  "go ahead",
  "sounds good",
  "let s do it",
  "place the order",
];

const AGREEMENTS: readonly string[] = [
  "ok",
  "okay",
  "oki",
  "oui",
  "ouais",
  "d accord",
  "dac",
  "parfait",
  "super",
  "valide",
  "confirme",
  "accepte",
  "eny",
  "ie",
  "mety",
  "ekena",
  "tsara",
  "yes",
  "yep",
  "sure",
  "fine",
  "great",
  "perfect",
  "agreed",
];

const NEGATIONS = new Set([
  "ne",
  "n",
  "pas",
  "non",
  "jamais",
  "plus",
  "tsy",
  "aza",
  "tsia",
  "no",
  "not",
  "dont",
  "never",
]);
const HESITATIONS: readonly string[] = [
  "si",
  "peut etre",
  "reflechir",
  "reflechis",
  "plus tard",
  "raha",
  "angamba",
  "mbola hieritreritra",
  "hieritreritra",
  "if",
  "maybe",
  "think",
  "later",
];

/** Counts the phrases found as whole word sequences; each word position is used once. */
function phraseHits(tokens: string[], phrases: readonly string[], used: boolean[]): number {
  let hits = 0;
  for (const phrase of phrases) {
    const parts = phrase.split(" ");
    for (let i = 0; i + parts.length <= tokens.length; i++) {
      if (parts.every((p, j) => tokens[i + j] === p && !used[i + j])) {
        for (let j = 0; j < parts.length; j++) used[i + j] = true;
        hits++;
      }
    }
  }
  return hits;
}

export function readsAsAcceptance(message: string): AcceptanceReading {
  const text = message.slice(0, 600);
  const tokens = words(text);
  if (tokens.length === 0) return { accepted: false, reason: "empty message" };
  if (tokens.length > MAX_WORDS) return { accepted: false, reason: "a long message: a person reads it" };
  if (text.includes("?")) return { accepted: false, reason: "a question, not an answer" };
  const negation = tokens.find((t) => NEGATIONS.has(t));
  if (negation) return { accepted: false, reason: `negated ("${negation}")` };
  const none: boolean[] = tokens.map(() => false);
  if (phraseHits(tokens, HESITATIONS, none) > 0) return { accepted: false, reason: "conditional or hesitant" };
  const used: boolean[] = tokens.map(() => false);
  const score = 2 * phraseHits(tokens, COMMITMENTS, used) + phraseHits(tokens, AGREEMENTS, used);
  return score >= 2
    ? { accepted: true, reason: "the customer accepts the quote" }
    : { accepted: false, reason: score === 1 ? "an agreement word alone" : "no acceptance" };
}
