import { listProducts } from "@support/db";
import {
  answerFromCatalogue,
  type CatalogueAnswer,
  indexProducts,
  type ModelDraft,
  type ModelResult,
  type MoneyLanguage,
} from "@support/decisions";
import type { ServiceContext } from "../service/context.js";

type FoundAnswer = Exclude<CatalogueAnswer, { kind: "none" }>;

const MONEY_LANGUAGES: readonly string[] = ["fr", "mg", "en"];

/**
 * The catalogue's answer to a customer message, when the app has products and the message is
 * about them (`undefined` otherwise). Products are read and indexed per message: a shop's
 * catalogue is small, and a price changed a second ago is the price quoted.
 */
export async function catalogueAnswerFor(
  ctx: ServiceContext,
  appId: string,
  text: string,
  language: string,
): Promise<FoundAnswer | undefined> {
  const rows = await listProducts(ctx.db, ctx.org.id, appId);
  if (rows.length === 0) return undefined;
  const index = indexProducts(
    rows.map((r) => ({
      id: r.id,
      sku: r.sku,
      title: r.title,
      titles: (r.titles as Record<string, string> | null) ?? {},
      synonyms: (r.synonyms as string[] | null) ?? [],
      priceMinor: r.priceMinor,
      currency: r.currency,
      stock: r.stock,
      active: r.active,
    })),
  );
  const moneyLanguage = (MONEY_LANGUAGES.includes(language) ? language : "fr") as MoneyLanguage;
  const answer = answerFromCatalogue(index, text, moneyLanguage);
  return answer.kind === "none" ? undefined : answer;
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
      confidence: answer.kind === "answer" ? 0.9 : 0.6,
      needsHuman: false,
      reasons: [
        answer.kind === "answer"
          ? `prices from the catalogue: ${answer.lines.map((l) => `${l.quantity} × ${l.product.sku}`).join(", ")}`
          : "the product asked about is not in the catalogue",
      ],
    },
    usage: [],
    fallbackReason: null,
  };
}
