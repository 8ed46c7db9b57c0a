import { foldText } from "../text/text.js";

/**
 * Keyword signals read before the classifier: intents that a phrase settles on its own, spam,
 * urgency and sentiment. Patterns run on folded text (lowercase, no accents).
 */

export interface IntentRule {
  intent: string;
  category: string;
  pattern: RegExp;
  /** Declared by the app's admin: not lowered when the classifier disagrees. */
  decisive?: boolean;
}

export const DEFAULT_INTENT_RULES: IntentRule[] = [
  {
    intent: "password_reset",
    category: "account_access",
    pattern:
      /\b(reset|forgot|forgotten|lost|change) (my )?password\b|\bmot de passe\b|\bcontrasena\b|\bpasswort\b|\bsenha\b/,
  },
  {
    intent: "login_problem",
    category: "account_access",
    pattern: /\b(can ?not|can't|cannot|unable to) (log ?in|sign ?in|access my account)\b|\b2fa\b|\btwo.factor\b/,
  },
  {
    intent: "refund_request",
    category: "refund",
    pattern: /\brefund|\brembours|\breembols|\bruckerstattung|\breembolso|\brimbors/,
  },
  { intent: "invoice_request", category: "billing", pattern: /\binvoice|\bfactur|\brechnung|\bfattura|\breceipt\b/ },
  {
    intent: "cancel_subscription",
    category: "billing",
    pattern:
      /\bcancel (my )?(subscription|plan|membership)\b|\bresilier\b|\bcancelar (mi |a )?suscripcion\b|\bkundigen\b/,
  },
  {
    intent: "double_charge",
    category: "billing",
    pattern: /\bcharged (me )?twice\b|\bdouble(d)? charge|\bdebite deux fois\b/,
  },
  {
    intent: "order_status",
    category: "order_shipping",
    pattern:
      /\bwhere is my (order|package|parcel)\b|\btracking (number|code|link)\b|\bma commande\b|\bmi pedido\b|\bencomenda\b/,
  },
  {
    intent: "account_deletion",
    category: "account_access",
    pattern: /\bdelete (my )?(account|data)\b|\bgdpr\b|\brgpd\b/,
  },
  // French and Malagasy phrasings the rules above do not cover.
  {
    intent: "refund_request",
    category: "refund",
    pattern: /\baverin[oy] ny vola|\bfamerenana? vola|\bhaverina ny vola/,
  },
  {
    intent: "order_status",
    category: "order_shipping",
    pattern:
      /\bou en est (ma )?commande\b|\bnumero de suivi\b|\bsuivi (de|du) (mon )?colis\b|\btsy mbola tonga\b|\baiza ny entana\b/,
  },
  {
    intent: "shipping_info",
    category: "order_shipping",
    pattern:
      /\b(frais|delais?|cout) de (livraison|port)\b|\blivr(ez|ons|er|aison|aisons)\b|\bexpedi(ez|ons|tion)\b|\bfandefasana\b|\bsaran ny fandefasana\b/,
  },
  {
    intent: "password_reset",
    category: "account_access",
    pattern: /\bteny miafina\b/,
  },
];

const SPAM =
  /\b(seo (audit|services?|expert)|backlinks?|guest post|first page of google|crypto(currency)? invest|casino|viagra|you have won|claim your prize|buy (cheap )?followers|lottery|bitcoin opportunity|web design services)\b/;
const URGENT =
  /\b(urgent|urgently|asap|emergency|immediately|right now|as soon as possible|urgente|urgence|tout de suite|dringend|sofort|subito|maika)\b/;
const LEGAL =
  /\b(lawyer|attorney|legal action|sue you|court|chargeback|avocat|plainte|tribunal|abogado|denuncia|demanda|anwalt|klage|gericht|advogado|processo|avvocato|denuncia|mpisolovava)\b/;
const SECURITY =
  /\b(hacked|hacker|fraud|fraudulent|unauthori[sz]ed|phishing|stolen|data breach|piratage|fraude|hackeado|gehackt|betrug|hackerato|truffa|voaroba)\b/;
const NEGATIVE =
  /\b(angry|furious|terrible|horrible|awful|worst|unacceptable|ridiculous|scam|disappointed|disgusted|useless|fed up|nul|inadmissible|inacceptable|honteux|arnaque|pesimo|estafa|schlecht|unverschamt|betrug|pessimo|pessima|vergogna|truffa|ratsy)\b/;
const POSITIVE =
  /\b(thanks|thank you|great|love|awesome|excellent|amazing|merci|genial|super|gracias|excelente|danke|toll|obrigad[oa]|otimo|grazie|ottimo|misaotra|tsara)\b/;

export type Sentiment = "negative" | "neutral" | "positive";
export type Priority = "low" | "normal" | "high" | "urgent";

export function matchIntents(text: string, rules: readonly IntentRule[] = DEFAULT_INTENT_RULES): IntentRule[] {
  const folded = foldText(text);
  return rules.filter((rule) => rule.pattern.test(folded));
}

export function spamSignal(text: string): string | null {
  const links = text.match(/https?:\/\//g)?.length ?? 0;
  if (links >= 4) return `${links} links`;
  return foldText(text).match(SPAM)?.[0] ?? null;
}

export function sentimentOf(text: string): Sentiment {
  const folded = foldText(text);
  const negatives = folded.match(new RegExp(NEGATIVE, "g"))?.length ?? 0;
  const positives = folded.match(new RegExp(POSITIVE, "g"))?.length ?? 0;
  // Shouting counts against: several exclamation marks, or a long stretch of capitals.
  const shouting = (/!{2,}/.test(text) ? 1 : 0) + (/\b[A-Z]{4,}(\s+[A-Z]{2,}){2,}/.test(text) ? 1 : 0);
  const score = positives - negatives * 1.5 - shouting;
  return score <= -1 ? "negative" : score >= 1 ? "positive" : "neutral";
}

/** Urgency, legal threats and security incidents: each raises priority, the last two block auto-send. */
export function riskSignals(text: string): { urgent: string | null; legal: string | null; security: string | null } {
  const folded = foldText(text);
  return {
    urgent: folded.match(URGENT)?.[0] ?? null,
    legal: folded.match(LEGAL)?.[0] ?? null,
    security: folded.match(SECURITY)?.[0] ?? null,
  };
}
