import type { MoneyLanguage } from "./money.js";

/**
 * The customer-facing sentences of a shop's sales flow, in French, Malagasy and English: payment
 * instructions, the message that carries a quote, the order confirmation. Figures arrive already
 * formatted by `formatMoney`; nothing here computes an amount.
 */

export type PaymentMethodName = "mvola" | "orange_money" | "airtel_money" | "cash_on_delivery" | "bank_transfer";

const METHOD_LABELS: Record<MoneyLanguage, Record<PaymentMethodName, string>> = {
  fr: {
    mvola: "MVola",
    orange_money: "Orange Money",
    airtel_money: "Airtel Money",
    cash_on_delivery: "Paiement à la livraison",
    bank_transfer: "Virement bancaire",
  },
  mg: {
    mvola: "MVola",
    orange_money: "Orange Money",
    airtel_money: "Airtel Money",
    cash_on_delivery: "Aloa rehefa tonga ny entana",
    bank_transfer: "Fandefasana amin'ny banky",
  },
  en: {
    mvola: "MVola",
    orange_money: "Orange Money",
    airtel_money: "Airtel Money",
    cash_on_delivery: "Cash on delivery",
    bank_transfer: "Bank transfer",
  },
};

/** One line per way to pay: "MVola : 034 00 000 00", "Paiement à la livraison". */
export function paymentLines(
  instructions: readonly { method: PaymentMethodName; details: string }[],
  language: MoneyLanguage,
): string[] {
  const colon = language === "en" ? ":" : " :";
  return instructions.map(({ method, details }) => {
    const label = METHOD_LABELS[language][method];
    return details ? `${label}${colon} ${details}` : label;
  });
}

const TEXTS = {
  fr: {
    quote: (n: string, total: string, until: string) =>
      `Voici votre devis ${n} : total ${total}, valable jusqu'au ${until}. Répondez « ok je prends » pour confirmer la commande.`,
    pending: (n: string) => `Votre devis ${n} est en préparation : un conseiller le vérifie et vous l'envoie.`,
    confirmed: (n: string, total: string) => `Merci ! Votre commande (devis ${n}, ${total}) est confirmée.`,
    pay: "Pour payer :",
  },
  mg: {
    quote: (n: string, total: string, until: string) =>
      `Indro ny tombam-bidinao ${n} : totaliny ${total}, manan-kery hatramin'ny ${until}. Valio hoe « eny, alaiko » raha hanafatra.`,
    pending: (n: string) =>
      `Eo am-panomanana ny tombam-bidinao ${n} : mpiasa iray no manamarina azy ary handefa azy aminao.`,
    confirmed: (n: string, total: string) => `Misaotra! Voaray ny kaomandinao (tombam-bidy ${n}, ${total}).`,
    pay: "Fandoavana :",
  },
  en: {
    quote: (n: string, total: string, until: string) =>
      `Here is your quote ${n}: total ${total}, valid until ${until}. Reply "ok I'll take it" to confirm the order.`,
    pending: (n: string) => `Your quote ${n} is being prepared: a member of the team checks it and sends it to you.`,
    confirmed: (n: string, total: string) => `Thank you! Your order (quote ${n}, ${total}) is confirmed.`,
    pay: "To pay:",
  },
} as const;

/** The caption of the quote document. */
export function quoteMessage(language: MoneyLanguage, number: string, totalText: string, validUntil: string): string {
  return TEXTS[language].quote(number, totalText, validUntil);
}

/** Told to the customer when their quote waits for a person's approval. */
export function quotePendingMessage(language: MoneyLanguage, number: string): string {
  return TEXTS[language].pending(number);
}

/** The order confirmation, with how to pay when the shop said. */
export function orderConfirmedMessage(
  language: MoneyLanguage,
  number: string,
  totalText: string,
  payment: readonly string[],
): string {
  const t = TEXTS[language];
  const lines = [t.confirmed(number, totalText)];
  if (payment.length > 0) lines.push(t.pay, ...payment.map((p) => `- ${p}`));
  return lines.join("\n");
}
