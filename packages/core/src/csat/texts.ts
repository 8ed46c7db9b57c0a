import type { RatingLanguage, RatingScale } from "./token.js";

/** What the customer reads about rating, in the customer-facing languages (en, fr, mg). */
export const RATING_TEXTS = {
  en: {
    ask: "How did we do? Rate this reply:",
    short: "Rate this reply:",
    up: "Helpful",
    down: "Not helpful",
    choose: "How would you rate this reply?",
    thanks: "Thank you for your rating",
    yours: (label: string) => `Your rating: ${label}.`,
    outOf: (score: number) => `${score} out of 5`,
    change: "Changed your mind? Choose again:",
    expiredTitle: "This rating link has expired",
    expiredBody:
      "Rating links stay valid for 30 days after the reply. Reply to the conversation to tell us what you think.",
    tamperedTitle: "This rating link is not valid",
    tamperedBody: "It may have been cut or changed. Open the link from the message again.",
    goneTitle: "This reply can no longer be rated",
  },
  fr: {
    ask: "Notre réponse vous a-t-elle aidé ? Notez-la :",
    short: "Notez cette réponse :",
    up: "Utile",
    down: "Pas utile",
    choose: "Quelle note donnez-vous à cette réponse ?",
    thanks: "Merci pour votre avis",
    yours: (label: string) => `Votre note : ${label}.`,
    outOf: (score: number) => `${score} sur 5`,
    change: "Vous avez changé d’avis ? Choisissez à nouveau :",
    expiredTitle: "Ce lien de notation a expiré",
    expiredBody:
      "Les liens de notation restent valables 30 jours après la réponse. Répondez à la conversation pour nous dire ce que vous en pensez.",
    tamperedTitle: "Ce lien de notation n’est pas valide",
    tamperedBody: "Il a peut-être été coupé ou modifié. Ouvrez à nouveau le lien depuis le message.",
    goneTitle: "Cette réponse ne peut plus être notée",
  },
  mg: {
    ask: "Nanampy anao ve ny valinay? Omeo naoty:",
    short: "Omeo naoty ity valiny ity:",
    up: "Nahasoa",
    down: "Tsy nahasoa",
    choose: "Inona no naoty omenao an’ity valiny ity?",
    thanks: "Misaotra tamin’ny naotinao",
    yours: (label: string) => `Ny naotinao: ${label}.`,
    outOf: (score: number) => `${score} amin’ny 5`,
    change: "Niova hevitra ianao? Misafidiana indray:",
    expiredTitle: "Lany daty ity rohy fanomezana naoty ity",
    expiredBody:
      "Manan-kery mandritra ny 30 andro aorian’ny valiny ny rohy fanomezana naoty. Valio ny resaka raha hilaza ny hevitrao.",
    tamperedTitle: "Tsy manan-kery ity rohy fanomezana naoty ity",
    tamperedBody: "Mety ho tapaka na novana izy. Sokafy indray ilay rohy ao amin’ny hafatra.",
    goneTitle: "Tsy azo omena naoty intsony ity valiny ity",
  },
} as const satisfies Record<RatingLanguage, Record<string, unknown>>;

/** The scores a scale offers, best first, with how each reads: thumbs are stored as 5 and 1. */
export function ratingChoices(language: RatingLanguage, scale: RatingScale): { score: number; label: string }[] {
  const t = RATING_TEXTS[language];
  if (scale === "thumbs") {
    return [
      { score: 5, label: t.up },
      { score: 1, label: t.down },
    ];
  }
  return [5, 4, 3, 2, 1].map((score) => ({ score, label: t.outOf(score) }));
}

export function ratingLabel(language: RatingLanguage, scale: RatingScale, score: number): string {
  return ratingChoices(language, scale).find((c) => c.score === score)?.label ?? String(score);
}

/** Whether a score is one the scale offers (a thumbs link answers 5 or 1 only). */
export function scoreFits(scale: RatingScale, score: number): boolean {
  return ratingChoices("en", scale).some((c) => c.score === score);
}
