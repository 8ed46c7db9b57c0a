import { foldText, sentences, words } from "./text.js";

/**
 * Statements that an action with consequences was carried out ("I've refunded you", "votre
 * commande a été annulée", "efa naverinay ny volanao"). A reply may say so only when this
 * conversation executed or proposes that action; a learned reply never carries one to another
 * customer. Matching is per sentence, on folded text, with patterns that have no nested
 * repetition, so the cost stays linear in the text.
 */

export type ClaimedAction = "refund" | "cancellation" | "transfer" | "email_change" | "replacement";

export interface ActionClaim {
  kind: ClaimedAction;
  /** The sentence that makes the claim, as written. */
  sentence: string;
}

/** Verbs (folded) and what they claim; `null`: the claim depends on what the sentence is about. */
const VERBS: Record<string, ClaimedAction | null> = {
  refunded: "refund",
  reimbursed: "refund",
  credited: "refund",
  reversed: "refund",
  cancelled: "cancellation",
  canceled: "cancellation",
  terminated: "cancellation",
  transferred: "transfer",
  replaced: "replacement",
  changed: null,
  updated: null,
  moved: null,
  issued: null,
  processed: null,
  rembourse: "refund",
  rembourses: "refund",
  remboursee: "refund",
  annule: "cancellation",
  annulee: "cancellation",
  resilie: "cancellation",
  resiliee: "cancellation",
  transfere: "transfer",
  transferee: "transfer",
  remplace: "replacement",
  remplacee: "replacement",
  modifie: null,
  modifiee: null,
  change: null,
  changee: null,
  "mis a jour": null,
  deplace: null,
  effectue: null,
  emis: null,
  traite: null,
};
const VERB = Object.keys(VERBS).join("|");

/** First person, perfect or simple past: "I've refunded", "we have just cancelled", "nous avons bien remboursé". */
const ADVERBS = "(?: (?:already|just|now|also|fully|bien|deja|donc|aussi|integralement|entierement))?";
const FIRST_PERSON = new RegExp(
  `\\b(?:i|we|i've|we've|i'd|j'ai|je vous ai|nous avons|nous vous avons|on a|on vous a)(?: have| had)?${ADVERBS} (${VERB})\\b`,
);
/** Passive, done: "has been refunded", "was cancelled", "a été remboursé", "ont été transférés". */
const PASSIVE = new RegExp(`\\b(?:has|have|was|were|a|ont|avez)${ADVERBS}(?: been)? (?:ete )?(${VERB})\\b`);
const PASSIVE_EN_ONLY = /\b(?:has|have|was|were) been\b|\b(?:was|were) /;

/** Malagasy past forms (no-/na- prefixes), by stem; refunds are "giving the money back". */
const MALAGASY: [RegExp, ClaimedAction | null][] = [
  [/^(?:naverina|naverinay|naveriko|naverinao|naverintsika)$/, "refund"],
  [/^(?:nofoanana|nofoananay|nofoanako|voafoana|nofoanan)$/, "cancellation"],
  [/^(?:nafindra|nafindranay|nafindrako|nafindrana)$/, "transfer"],
  [/^(?:nosoloina|nosoloinay|nosoloiko|nosoloana)$/, "replacement"],
  [/^(?:novaina|novainay|novaiko|novana)$/, null],
];

/** "Once your refund has been processed ...": a condition or a future, not a statement of what was done. */
const CONDITIONAL =
  /\b(?:once|when|after|if|until|unless|whether|lorsque|quand|une fois|si|des que|apres|raha|rehefa)\b/;

const EMAIL_WORDS = new Set(["email", "mail", "e", "courriel", "adresse", "address", "mailaka", "adiresy"]);
const REFUND_WORDS = /\b(?:refund|rembours|vola)/;
const TRANSFER_WORDS = /\b(?:account|compte|licen[cs]e|purchase|achat|course|cours|kaonty)/;

/** What a verb whose meaning depends on its object claims in this sentence, if anything. */
function byObject(verb: string, folded: string, tokens: Set<string>): ClaimedAction | undefined {
  if (/^(?:issued|processed|effectue|emis|traite)$/.test(verb)) return REFUND_WORDS.test(folded) ? "refund" : undefined;
  if (/^(?:moved|deplace)$/.test(verb)) return TRANSFER_WORDS.test(folded) ? "transfer" : undefined;
  return [...EMAIL_WORDS].some((w) => tokens.has(w)) ? "email_change" : undefined;
}

function claimIn(sentence: string): ClaimedAction | undefined {
  const folded = foldText(sentence).replace(/[’`]/g, "'").replace(/\s+/g, " ");
  const tokens = new Set(words(sentence));
  const first = folded.match(FIRST_PERSON);
  const passive = first ? null : folded.match(PASSIVE);
  // French "a été" passives are matched by the shared pattern; English ones need "been" or was/were.
  const usable = passive && (/\bete\b/.test(passive[0]) || PASSIVE_EN_ONLY.test(passive[0])) ? passive : null;
  const found = first ?? usable;
  const verb = found?.[1];
  if (found && verb !== undefined && !CONDITIONAL.test(folded.slice(0, found.index))) {
    const kind = VERBS[verb];
    const claimed = kind ?? byObject(verb, folded, tokens);
    if (claimed) return claimed;
  }
  if (CONDITIONAL.test(folded)) return undefined;
  for (const token of tokens) {
    for (const [pattern, kind] of MALAGASY) {
      if (!pattern.test(token)) continue;
      if (kind === "refund" && !tokens.has("vola") && ![...tokens].some((t) => t.startsWith("vola"))) continue;
      const claimed = kind ?? byObject("changed", folded, tokens);
      if (claimed) return claimed;
    }
  }
  return undefined;
}

/** Every sentence of `text` that says an action was carried out, with the action it claims. */
export function actionClaims(text: string): ActionClaim[] {
  return sentences(text).flatMap((sentence) => {
    const kind = claimIn(sentence);
    return kind ? [{ kind, sentence }] : [];
  });
}

/**
 * Which claims an action backs, by the action's name as drafts store it (the SDK contract's
 * method, or the Stripe route's). Revoking access is how a cancellation is carried out.
 */
export const ACTIONS_BACKING: Record<ClaimedAction, readonly string[]> = {
  refund: ["refund", "stripe.refund"],
  cancellation: ["revokeAccess"],
  transfer: ["transferPurchase"],
  email_change: ["updateEmail"],
  replacement: [],
};
