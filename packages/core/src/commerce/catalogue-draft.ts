import { listQuotesForConversation } from "@support/db";
import {
  answerFromCatalogue,
  type CatalogueAnswer,
  formatMoney,
  type ModelDraft,
  type ModelResult,
  type MoneyLanguage,
  orderConfirmedMessage,
  readsAsAcceptance,
} from "@support/decisions";
import type { ServiceContext } from "../service/context.js";
import { catalogueIndex } from "./catalogue-index.js";
import { acceptableQuote, quoteNumber } from "./quotes.js";

type FoundAnswer = Exclude<CatalogueAnswer, { kind: "none" }> | { kind: "order"; quoteId: string; text: string };

const MONEY_LANGUAGES: readonly string[] = ["fr", "mg", "en"];

/**
 * The catalogue's answer to a customer message, when the app has products and the message is
 * about them (`undefined` otherwise). The index is the app's cached one, rebuilt when the
 * catalogue changed: a price changed a second ago is the price quoted.
 */
export async function catalogueAnswerFor(
  ctx: ServiceContext,
  appId: string,
  text: string,
  language: string,
): Promise<FoundAnswer | undefined> {
  const { index, size } = await catalogueIndex(ctx.db, ctx.org.id, appId);
  if (size === 0) return undefined;
  const moneyLanguage = (MONEY_LANGUAGES.includes(language) ? language : "fr") as MoneyLanguage;
  const answer = answerFromCatalogue(index, text, moneyLanguage);
  return answer.kind === "none" ? undefined : answer;
}

/**
 * The order confirmation as the reply, when the message accepts the quote the conversation was
 * sent: the quote's number and total, and the shop's payment instructions frozen in it.
 */
export async function orderConfirmationFor(
  ctx: ServiceContext,
  conversationId: string,
  text: string,
): Promise<FoundAnswer | undefined> {
  const quote = acceptableQuote(await listQuotesForConversation(ctx.db, ctx.org.id, conversationId));
  if (!quote || !readsAsAcceptance(text).accepted) return undefined;
  const language = quote.language as MoneyLanguage;
  const payment = (quote.terms as { paymentInstructions?: string[] }).paymentInstructions ?? [];
  const total = formatMoney(quote.totalMinor, quote.currency, language);
  return {
    kind: "order",
    quoteId: quote.id,
    text: orderConfirmedMessage(language, quoteNumber(quote.number), total, payment),
  };
}

/**
 * The catalogue's answer as the draft itself, like a canned response: the platform wrote every
 * price and total, so no model is asked to (and none can get a figure wrong).
 */
export function catalogueDraft(answer: FoundAnswer): ModelResult<ModelDraft> {
  return {
    value: {
      kind: "reply",
      text: answer.text,
      citations: [],
      confidence: answer.kind === "unknown" ? 0.6 : 0.9,
      needsHuman: false,
      reasons: [
        answer.kind === "answer"
          ? `prices from the catalogue: ${answer.lines.map((l) => `${l.quantity} × ${l.product.sku}`).join(", ")}`
          : answer.kind === "order"
            ? `the customer accepts quote ${answer.quoteId}`
            : "the product asked about is not in the catalogue",
      ],
    },
    usage: [],
    fallbackReason: null,
  };
}
