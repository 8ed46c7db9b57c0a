import { foldText } from "../text/text.js";

/**
 * Finds a shop's products from what a customer wrote ("sac de riz 25kg", "riz makalioka", "vary"):
 * names in any language, the shop's synonyms, accents, units written together or apart, and
 * one-letter typos. Pure: the catalogue is indexed once, a query costs time linear in its length.
 */

export interface SearchableProduct {
  id: string;
  sku: string;
  title: string;
  /** Titles per language ("mg": "Vary makalioka 25 kg"). */
  titles?: Record<string, string>;
  synonyms?: string[];
}

export interface ProductMatch<P extends SearchableProduct = SearchableProduct> {
  product: P;
  /** Share of the best-matching name's weight the query covered, 0..1. */
  score: number;
}

/** The longest text a query reads: customer messages are untrusted and can be huge. */
export const MAX_QUERY_CHARS = 2000;

const UNITS: Record<string, string> = {
  kg: "kg",
  kilo: "kg",
  kilos: "kg",
  kilogramme: "kg",
  kilogrammes: "kg",
  kilao: "kg",
  g: "g",
  gr: "g",
  gramme: "g",
  grammes: "g",
  l: "l",
  litre: "l",
  litres: "l",
  litatra: "l",
  ml: "ml",
  cl: "cl",
};

// Words that name no product in French, Malagasy or English questions about products.
const STOP = new Set(
  (
    "le la les l de du des d un une et ou a au aux en pour par sur avec est il elle je j ce c qu que quel quelle " +
    "quels quelles combien prix cout coute coutent bonjour salut merci svp stp vous votre vos nous mon ma mes " +
    "voudrais veux voudrait souhaite avez avoir ai y " +
    "ny ve ohatrinona ho an amin ary sy misy manana mba azafady salama inona ity io iray " +
    "of an and or is it i what how much price please do you have want would like"
  ).split(" "),
);

// Everyday goods named in Malagasy and in French; a shop adds its own words as synonyms.
const LEXICON: [string, string][] = [
  ["vary", "riz"],
  ["siramamy", "sucre"],
  ["menaka", "huile"],
  ["sira", "sel"],
  ["lafarinina", "farine"],
  ["savony", "savon"],
  ["mofo", "pain"],
  ["atody", "oeuf"],
  ["kafe", "cafe"],
  ["dite", "the"],
  ["ronono", "lait"],
  ["tsaramaso", "haricot"],
];
const ALIASES = new Map<string, string[]>();
for (const [a, b] of LEXICON) {
  ALIASES.set(a, [...(ALIASES.get(a) ?? []), b]);
  ALIASES.set(b, [...(ALIASES.get(b) ?? []), a]);
}

/** Folded tokens with units glued to their number ("25 kg", "25kg", "25 kilos" → "25kg"). */
export function productTokens(text: string): string[] {
  const raw = foldText(text.slice(0, MAX_QUERY_CHARS)).match(/\p{N}+(?:[.,]\p{N}+)?|\p{L}+/gu) ?? [];
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const token = raw[i] as string;
    const next = raw[i + 1];
    if (/^\p{N}/u.test(token) && next !== undefined && UNITS[next]) {
      out.push(`${token.replace(",", ".")}${UNITS[next]}`);
      i++;
    } else if (!STOP.has(token)) {
      out.push(singular(token));
    }
  }
  return out;
}

// French plurals ("oeufs", "haricots") meet their singular; short words keep their final s.
function singular(token: string): string {
  return token.length > 3 && token.endsWith("s") && !token.endsWith("ss") ? token.slice(0, -1) : token;
}

function deletions(token: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < token.length; i++) out.push(token.slice(0, i) + token.slice(i + 1));
  return out;
}

interface IndexedName {
  productIndex: number;
  tokens: string[];
}

export interface ProductIndex<P extends SearchableProduct = SearchableProduct> {
  products: P[];
  names: IndexedName[];
  /** token → names containing it. */
  postings: Map<string, number[]>;
  /** a token with one letter deleted → whole tokens it came from (typo lookup, SymSpell style). */
  deletes: Map<string, string[]>;
  /** inverse document frequency per token: rare words weigh more than "blanc" or "1kg". */
  weight: Map<string, number>;
}

const FUZZY_MIN = 4;

/** Indexes a catalogue once; every search afterwards is independent of its size per token. */
export function indexProducts<P extends SearchableProduct>(products: P[]): ProductIndex<P> {
  const names: IndexedName[] = [];
  const postings = new Map<string, number[]>();
  const deletes = new Map<string, string[]>();
  const documentCount = new Map<string, number>();
  products.forEach((product, productIndex) => {
    const texts = [product.title, ...Object.values(product.titles ?? {}), ...(product.synonyms ?? [])];
    const seen = new Set<string>();
    for (const text of texts) {
      const tokens = [...new Set(productTokens(text))];
      if (tokens.length === 0) continue;
      const nameIndex = names.push({ productIndex, tokens }) - 1;
      for (const token of tokens) {
        const posting = postings.get(token);
        if (posting) posting.push(nameIndex);
        else postings.set(token, [nameIndex]);
        if (seen.has(token)) continue;
        seen.add(token);
        documentCount.set(token, (documentCount.get(token) ?? 0) + 1);
        if (token.length >= FUZZY_MIN && !/\p{N}/u.test(token)) {
          for (const variant of [token, ...deletions(token)]) {
            const list = deletes.get(variant);
            if (!list) deletes.set(variant, [token]);
            else if (!list.includes(token)) list.push(token);
          }
        }
      }
    }
  });
  const weight = new Map<string, number>();
  // Sizes tell products apart but a customer often leaves them out: they weigh half a word.
  for (const [token, count] of documentCount) {
    const idf = Math.log(1 + products.length / count) + 0.1;
    weight.set(token, /\p{N}/u.test(token) ? idf / 2 : idf);
  }
  return { products, names, postings, deletes, weight };
}

// Catalogue tokens a query token reaches: itself, its Malagasy/French twin, and one-typo neighbours.
function reach<P extends SearchableProduct>(index: ProductIndex<P>, token: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const candidate of [token, ...(ALIASES.get(token) ?? [])]) {
    if (index.postings.has(candidate)) found.set(candidate, 1);
  }
  if (found.size === 0 && token.length >= FUZZY_MIN && !/\p{N}/u.test(token)) {
    for (const variant of [token, ...deletions(token)]) {
      for (const near of index.deletes.get(variant) ?? []) if (!found.has(near)) found.set(near, 0.8);
    }
  }
  return found;
}

/**
 * The products a query names, best first. A name scores the weighted share of its words the
 * query covers; a product keeps its best name. Numbers alone ("25kg") never make a match.
 */
export function searchProducts<P extends SearchableProduct>(
  index: ProductIndex<P>,
  query: string,
  options: { limit?: number; minScore?: number } = {},
): ProductMatch<P>[] {
  const limit = options.limit ?? 5;
  const minScore = options.minScore ?? 0.25;
  const covered = new Map<number, Map<string, { credit: number; word: boolean }>>();
  for (const token of new Set(productTokens(query))) {
    for (const [hit, credit] of reach(index, token)) {
      for (const nameIndex of index.postings.get(hit) ?? []) {
        const name = covered.get(nameIndex) ?? new Map();
        const before = name.get(hit)?.credit ?? 0;
        if (credit > before) name.set(hit, { credit, word: !/\p{N}/u.test(hit) });
        covered.set(nameIndex, name);
      }
    }
  }
  const best = new Map<number, number>();
  for (const [nameIndex, hits] of covered) {
    if (![...hits.values()].some((h) => h.word)) continue;
    const name = index.names[nameIndex] as IndexedName;
    let total = 0;
    let got = 0;
    for (const token of name.tokens) {
      const w = index.weight.get(token) ?? 1;
      total += w;
      got += w * (hits.get(token)?.credit ?? 0);
    }
    const score = total === 0 ? 0 : got / total;
    if (score > (best.get(name.productIndex) ?? 0)) best.set(name.productIndex, score);
  }
  return [...best]
    .filter(([, score]) => score >= minScore)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, limit)
    .map(([i, score]) => ({ product: index.products[i] as P, score: Math.round(score * 1000) / 1000 }));
}
