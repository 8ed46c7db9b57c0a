import { isFunctionWord } from "../text/language.js";
import { words } from "../text/text.js";

/**
 * Which of the customer's purchases a message is about, from what it says: the product's name,
 * the amount paid, or the date. An action is proposed on the purchase the customer meant ("the
 * 19 € ebook", not the newest 99 € course); when the message fits several equally, or names none
 * of several, the reply asks instead of guessing (ADR 0090).
 */

export interface PurchaseLike {
  id: string;
  productName: string;
  /** In minor units (cents), as the SDK contract has it. */
  amount: number;
  currency: string;
  purchasedAt: string;
}

export type PurchaseMatch<P> =
  | { kind: "match"; purchase: P; by: string[] }
  | { kind: "ambiguous"; candidates: P[] }
  | { kind: "none" };

const MONEY =
  /(\d{1,9}(?:[.,]\d{1,2})?)\s?(?:€|eur\b|euros?\b|\$|usd\b|dollars?\b|£|gbp\b|ar\b|ariary\b|mga\b)|(?:€|\$|£)\s?(\d{1,9}(?:[.,]\d{1,2})?)/gi;
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/g;

const stem = (w: string) => w.slice(0, 5);

function contentStems(text: string): Set<string> {
  return new Set(
    words(text)
      .filter((w) => w.length >= 3 && !isFunctionWord(w) && !/^\d+$/.test(w))
      .map(stem),
  );
}

/** Amounts the message names, in minor units and as written (a currency without cents). */
function amountsIn(message: string): Set<number> {
  const found = new Set<number>();
  for (const m of message.matchAll(MONEY)) {
    const value = Number((m[1] ?? m[2] ?? "").replace(",", "."));
    if (!Number.isFinite(value)) continue;
    found.add(Math.round(value * 100));
    found.add(value);
  }
  return found;
}

function evidenceFor(p: PurchaseLike, message: { stems: Set<string>; amounts: Set<number>; dates: Set<string> }) {
  const by: string[] = [];
  const named = [...contentStems(p.productName)].filter((s) => message.stems.has(s));
  if (named.length) by.push(`product (${named.join(", ")})`);
  if (message.amounts.has(p.amount)) by.push("amount");
  if (message.dates.has(p.purchasedAt.slice(0, 10))) by.push("date");
  return { score: named.length + (by.includes("amount") ? 2 : 0) + (by.includes("date") ? 2 : 0), by };
}

/** The purchase among `purchases` that `message` is about, if it can be told. */
export function matchPurchase<P extends PurchaseLike>(message: string, purchases: readonly P[]): PurchaseMatch<P> {
  if (purchases.length === 0) return { kind: "none" };
  const seen = { stems: contentStems(message), amounts: amountsIn(message), dates: new Set(message.match(ISO_DATE)) };
  const scored = purchases.map((purchase) => ({ purchase, ...evidenceFor(purchase, seen) }));
  const best = Math.max(...scored.map((s) => s.score));
  const top = scored.filter((s) => s.score === best);
  if (best > 0 && top.length === 1) {
    const [only] = top as [(typeof scored)[number]];
    return { kind: "match", purchase: only.purchase, by: only.by };
  }
  if (purchases.length === 1) return { kind: "match", purchase: purchases[0] as P, by: ["only purchase"] };
  return { kind: "ambiguous", candidates: (best > 0 ? top : scored).map((s) => s.purchase) };
}

const money = (p: PurchaseLike) => `${(p.amount / 100).toFixed(2)} ${p.currency.toUpperCase()}`;
const item = (p: PurchaseLike) => `${p.productName} (${money(p)}, ${p.purchasedAt.slice(0, 10)})`;

/** The question a reply asks when it cannot tell which purchase the customer means. */
export function whichPurchaseQuestion(language: string, candidates: readonly PurchaseLike[]): string {
  const listed = candidates.map(item);
  const list = (or: string) =>
    listed.length > 1 ? `${listed.slice(0, -1).join(", ")} ${or} ${listed.at(-1)}` : (listed[0] ?? "");
  if (language === "fr") return `De quel achat s'agit-il : ${list("ou")} ? Dites-le-moi et je m'en occupe.`;
  if (language === "mg") return `Iza amin'ireto no resahinao: ${list("sa")}? Lazao anay dia hikarakara izany izahay.`;
  return `Which purchase is this about: ${list("or")}? Let me know and I will take care of it.`;
}

/** The reply with the question put before its sign-off (the last paragraph). */
export function withQuestion(reply: string, question: string): string {
  const paragraphs = reply.split(/\n\s*\n/);
  if (paragraphs.length < 2) return `${reply}\n\n${question}`;
  return [...paragraphs.slice(0, -1), question, paragraphs.at(-1)].join("\n\n");
}
