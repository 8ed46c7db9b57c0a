import { foldText } from "../text/text.js";

/**
 * Statements that an action was taken ("I've refunded you", "votre abonnement a été annulé",
 * "efa naverina ny volanao"). Run on folded text (lowercase, no accents); every pattern is a
 * plain alternation, linear in the text's length.
 */
const CLAIMS: RegExp[] = [
  /\b(i|we)( have|'ve| ve|'ll| just| already)* (refunded|cancell?ed|transferred|changed|updated|reset|issued|processed|deleted|credited)\b/,
  /\b(has|have) (now |just |already )?been (refunded|cancell?ed|transferred|changed|updated|processed|issued|deleted|credited)\b/,
  /\b(je vous ai|nous vous avons|j ai|nous avons|je viens de|nous venons de) (bien |deja )?(rembourse|annule|transfere|modifie|change|supprime|credite|effectue le remboursement|resilie)/,
  /\b(a|ont|est|sont) (bien |deja )?(ete )?(rembourse|annule|transfere|resilie|supprime|credite)e?s?\b(?! (sous|dans|en|apres|si|a condition))/,
  /\bvotre (remboursement|annulation|resiliation|transfert) (a ete|est) (effectue|emis|valide|traite)/,
  /\befa (naverina|nofoanana|nafindra|novaina|voaverina|naloa)\b|\b(naveriko|naverinay|nofoanako|nofoananay|nafindrako|nafindranay)\b/,
];

/** The claims of actions taken that a reply makes, as the phrases found. */
export function actionClaims(text: string): string[] {
  const folded = foldText(text).replace(/['’]/g, " ");
  return CLAIMS.flatMap((pattern) => {
    const match = folded.match(pattern);
    return match ? [match[0]] : [];
  });
}
