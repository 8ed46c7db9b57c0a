import { foldText } from "../text/text.js";
import { formatMoney, type MoneyLanguage } from "./money.js";
import { MAX_QUERY_CHARS, type ProductIndex, type SearchableProduct, searchProducts } from "./product-search.js";

/**
 * Answers a customer's product question from the catalogue: which products, at what price, how
 * many left, and the total for the quantities asked. Every figure comes from the catalogue and
 * is formatted here; nothing is left for a model to write. Pure and linear in the message.
 */

export interface PricedProduct extends SearchableProduct {
  priceMinor: number;
  currency: string;
  stock: number | null;
  active: boolean;
}

export interface AnswerLine<P extends PricedProduct = PricedProduct> {
  product: P;
  quantity: number;
  lineMinor: number;
  /** The customer wrote the quantity (not the 1 assumed): they said how many they want. */
  quantityAsked: boolean;
}

export type CatalogueAnswer<P extends PricedProduct = PricedProduct> =
  | { kind: "none" }
  | { kind: "unknown"; asked: string; suggestions: P[]; text: string }
  | { kind: "answer"; lines: AnswerLine<P>[]; totalMinor: number | null; currency: string; text: string };

// Below this many left, the reply says so ("plus que 3 en stock").
const LOW_STOCK = 5;
const CONFIDENT = 0.5;

const NUMBER_WORDS: Record<string, number> = {
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  iray: 1,
  roa: 2,
  telo: 3,
  efatra: 4,
  dimy: 5,
  enina: 6,
  fito: 7,
  valo: 8,
  sivy: 9,
  folo: 10,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};
const UNIT_AFTER = /^(?:kg|kilos?|kilogrammes?|g|gr|grammes?|l|litres?|ml|cl|kilao|litatra)$/;
const ASKS_PRICE =
  /\b(?:prix|combien|coute|coutent|tarif|vidiny|ohatrinona|hoatrinona|price|cost|how much|dispo|disponible|stock|misy ve)\b/;

/** Pieces of a message that each name at most one product: "3 sacs de riz et 2 bidons d'huile". */
function segments(text: string): string[] {
  return text
    .slice(0, MAX_QUERY_CHARS)
    .split(/[\n?!;+]|\.(?!\d)|,(?!\d)|\b(?:et|ainsi que|sy|ary|and|avec)\b/i)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A quantity written as a bare number or a number word, not a size ("25 kg" is not 25 sacks). */
function quantityIn(segment: string): number | null {
  const tokens = foldText(segment).match(/\d+(?:[.,]\d+)?|\p{L}+/gu) ?? [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const next = tokens[i + 1] ?? "";
    if (/^\d+$/.test(token) && !UNIT_AFTER.test(next)) {
      const n = Number(token);
      if (n > 0 && n <= 10_000) return n;
    }
    const word = NUMBER_WORDS[token];
    if (word !== undefined && word > 1 && !UNIT_AFTER.test(next)) return word;
  }
  return null;
}

const TEXT = {
  fr: {
    each: (title: string, price: string) => `${title} : ${price}`,
    line: (q: number, price: string, total: string) => `${q} × ${price} = ${total}`,
    total: (t: string) => `Total : ${t}`,
    low: (n: number) => `plus que ${n} en stock`,
    out: "en rupture de stock",
    unknown: (asked: string) => `Nous n'avons pas trouvé « ${asked} » dans notre catalogue.`,
    close: (names: string) => `Produits proches : ${names}.`,
  },
  mg: {
    each: (title: string, price: string) => `${title} : ${price}`,
    line: (q: number, price: string, total: string) => `${q} × ${price} = ${total}`,
    total: (t: string) => `Totaliny : ${t}`,
    low: (n: number) => `${n} sisa no misy`,
    out: "lany tahiry",
    unknown: (asked: string) => `Tsy hita ao amin'ny katalaogy « ${asked} ».`,
    close: (names: string) => `Vokatra mitovitovy : ${names}.`,
  },
  en: {
    each: (title: string, price: string) => `${title}: ${price}`,
    line: (q: number, price: string, total: string) => `${q} × ${price} = ${total}`,
    total: (t: string) => `Total: ${t}`,
    low: (n: number) => `only ${n} left in stock`,
    out: "out of stock",
    unknown: (asked: string) => `We could not find "${asked}" in our catalogue.`,
    close: (names: string) => `Close matches: ${names}.`,
  },
} as const;

function titleIn<P extends PricedProduct>(product: P, language: MoneyLanguage): string {
  return product.titles?.[language] ?? product.title;
}

/**
 * The catalogue's answer to a message: `none` when it names no product and asks no price,
 * `unknown` when it asks about a product the shop does not have (with close matches, never their
 * price), else each product named with its price, stock note and, given quantities, line totals.
 */
export function answerFromCatalogue<P extends PricedProduct>(
  index: ProductIndex<P>,
  message: string,
  language: MoneyLanguage,
): CatalogueAnswer<P> {
  const t = TEXT[language];
  const asked: { product: P; quantity: number | null }[] = [];
  let pendingQuantity: number | null = null;
  for (const segment of segments(message)) {
    const [best] = searchProducts(index, segment, { limit: 1, minScore: CONFIDENT }).filter((m) => m.product.active);
    const quantity = quantityIn(segment);
    if (best) {
      if (!asked.some((a) => a.product.id === best.product.id)) asked.push({ product: best.product, quantity });
    } else if (quantity !== null) {
      // "Le prix du riz 25 kg ? J'en voudrais 3": the number belongs to the product named before.
      const last = asked[asked.length - 1];
      if (last && last.quantity === null) last.quantity = quantity;
      else pendingQuantity = quantity;
    }
  }
  if (asked.length === 0) {
    const folded = foldText(message.slice(0, MAX_QUERY_CHARS));
    if (!ASKS_PRICE.test(folded)) return { kind: "none" };
    const suggestions = searchProducts(index, message, { limit: 3, minScore: 0.15 }).map((m) => m.product);
    const subject = message.slice(0, 80).trim();
    const text = [
      t.unknown(subject),
      suggestions.length ? t.close(suggestions.map((s) => titleIn(s, language)).join(", ")) : "",
    ]
      .filter(Boolean)
      .join(" ");
    return { kind: "unknown", asked: subject, suggestions, text };
  }
  if (asked.length === 1 && asked[0] && asked[0].quantity === null && pendingQuantity !== null) {
    asked[0].quantity = pendingQuantity;
  }
  const currency = asked[0]?.product.currency ?? "MGA";
  const sameCurrency = asked.every((a) => a.product.currency === currency);
  const lines: AnswerLine<P>[] = asked.map((a) => ({
    product: a.product,
    quantity: a.quantity ?? 1,
    lineMinor: a.product.priceMinor * (a.quantity ?? 1),
    quantityAsked: a.quantity !== null,
  }));
  const text: string[] = [];
  for (const [i, line] of lines.entries()) {
    const { product } = line;
    const price = formatMoney(product.priceMinor, product.currency, language);
    const notes: string[] = [];
    if (product.stock === 0) notes.push(t.out);
    else if (product.stock !== null && product.stock <= LOW_STOCK) notes.push(t.low(product.stock));
    const quantityText =
      asked[i]?.quantity && asked[i].quantity > 1
        ? ` (${t.line(line.quantity, price, formatMoney(line.lineMinor, product.currency, language))})`
        : "";
    text.push(
      `- ${t.each(titleIn(product, language), price)}${quantityText}${notes.length ? ` - ${notes.join(", ")}` : ""}`,
    );
  }
  const quantified = asked.some((a) => a.quantity !== null);
  const totalMinor =
    sameCurrency && (lines.length > 1 || quantified) ? lines.reduce((s, l) => s + l.lineMinor, 0) : null;
  if (totalMinor !== null && (lines.length > 1 || (lines[0]?.quantity ?? 1) > 1)) {
    text.push(t.total(formatMoney(totalMinor, currency, language)));
  }
  return { kind: "answer", lines, totalMinor, currency, text: text.join("\n") };
}
