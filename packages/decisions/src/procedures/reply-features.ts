import { words } from "../text/text.js";

/**
 * Weighted cues of a reply to a quote, in French and English, with negation: "je ne valide pas",
 * "je valide pas", "I don't accept" turn an acceptance cue into a refusal, "je n'annule pas" a
 * refusal into a (weaker) acceptance. Cues are token sequences matched on folded words, so the
 * scan is linear in the reply's length (a bounded number of cues per position).
 */

export type CueIntent = "accept" | "refuse" | "question" | "more_info";

interface Cue {
  intent: CueIntent;
  weight: number;
  tokens: string[];
}

const cue = (intent: CueIntent, weight: number, ...phrases: string[]): Cue[] =>
  phrases.map((p) => ({ intent, weight, tokens: words(p) }));

const CUES: Cue[] = [
  ...cue("accept", 2, "valide", "valider", "accepte", "accepter", "confirme", "bon pour accord", "approve"),
  ...cue("accept", 2, "accept", "i agree", "go ahead", "proceed", "deal", "let's do it", "confirm", "lancez"),
  ...cue("accept", 1.2, "d'accord", "parfait", "allez-y", "ça me convient", "ça marche", "c'est bon", "on y va"),
  ...cue("accept", 1.2, "sounds good", "works for me", "perfect", "fine by me"),
  ...cue("accept", 0.8, "ok", "okay", "oui", "yes", "très bien", "great"),
  ...cue("refuse", 2, "annule", "annuler", "refuse", "renonce", "trop cher", "pas intéressé", "laisse tomber"),
  ...cue("refuse", 2, "cancel", "decline", "too expensive", "not interested", "changed my mind", "i'll pass"),
  ...cue("refuse", 1.2, "non merci", "no thanks", "budget", "abandonne", "ne donne pas suite"),
  ...cue("refuse", 1.5, "ne veux pas", "ne veux plus", "don't want", "do not want", "pas d'accord"),
  ...cue("refuse", 0.8, "non", "no"),
  ...cue("question", 1, "combien", "pourquoi", "comment", "quand", "quel", "quelle", "quels", "est-ce que"),
  ...cue("question", 1, "puis-je", "peut-on", "est-il possible", "how", "why", "when", "which", "what"),
  ...cue("question", 1, "can i", "could you", "is it possible", "do you", "will the", "will it"),
  ...cue("more_info", 1.5, "voici", "ci-joint", "je vous envoie", "j'ai oublié", "here is", "here are"),
  ...cue("more_info", 1.5, "attached", "i forgot", "the measurements", "les mesures", "les dimensions"),
];

/** Words that negate a cue within a few words before it ("je ne valide", "don't accept"). */
const NEGATORS_BEFORE = new Set(["ne", "n", "pas", "not", "don", "dont", "never", "won", "jamais", "cannot", "t"]);
/** French negation also follows the verb ("je valide pas", "je n'accepte plus"). */
const NEGATORS_AFTER = new Set(["pas", "plus", "jamais", "point"]);
const WINDOW = 2;

const FLIP: Partial<Record<CueIntent, { to: CueIntent; factor: number }>> = {
  accept: { to: "refuse", factor: 1 },
  refuse: { to: "accept", factor: 0.5 },
};

export interface CueScores {
  scores: Record<CueIntent, number>;
  matched: string[];
}

export function scoreReplyCues(text: string): CueScores {
  const tokens = words(text);
  const scores: Record<CueIntent, number> = { accept: 0, refuse: 0, question: 0, more_info: 0 };
  const matched: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    for (const c of CUES) {
      if (!c.tokens.every((t, j) => tokens[i + j] === t)) continue;
      const end = i + c.tokens.length;
      const before = tokens.slice(Math.max(0, i - WINDOW), i);
      const after = tokens.slice(end, end + 2);
      // A cue that holds its own negation ("pas intéressé", "don't want") is not negated again.
      const ownNegation = c.tokens.some((t) => NEGATORS_BEFORE.has(t) || NEGATORS_AFTER.has(t));
      const negated =
        !ownNegation && (before.some((t) => NEGATORS_BEFORE.has(t)) || after.some((t) => NEGATORS_AFTER.has(t)));
      const flip = negated ? FLIP[c.intent] : undefined;
      const intent = flip ? flip.to : c.intent;
      scores[intent] += c.weight * (flip ? flip.factor : 1);
      matched.push(`${flip ? "not " : ""}${c.tokens.join(" ")}→${intent}`);
    }
  }
  if (text.includes("?")) {
    scores.question += 1.5;
    matched.push("?→question");
  }
  return { scores, matched };
}
