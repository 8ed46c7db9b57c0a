import { foldText } from "../text/text.js";
import { isCurrency, parsePrice } from "./money.js";

/**
 * Turns a shop's table (header + rows of strings, from CSV or XLSX) into checked product values:
 * headers are recognised in French, Malagasy and English (or mapped by the caller), every row gets
 * a verdict with its reason. Pure: the import service decides what to write.
 */

export const PRODUCT_FIELDS = [
  "sku",
  "title",
  "description",
  "price",
  "currency",
  "stock",
  "image",
  "category",
  "active",
  "synonyms",
] as const;
export type ProductField = (typeof PRODUCT_FIELDS)[number];

export interface ProductValues {
  sku: string;
  title: string;
  titles: Record<string, string>;
  description: string | null;
  priceMinor: number;
  currency: string;
  /** null when the shop does not track stock for the product. */
  stock: number | null;
  imageUrl: string | null;
  category: string | null;
  active: boolean;
  synonyms: string[];
}

const HEADER_ALIASES: Record<ProductField, string[]> = {
  sku: ["sku", "ref", "reference", "code", "code article", "code produit"],
  title: ["title", "titre", "nom", "name", "designation", "produit", "product", "libelle", "anarana"],
  description: ["description", "desc", "details", "famaritana"],
  price: ["price", "prix", "prix unitaire", "pu", "tarif", "vidiny", "unit price"],
  currency: ["currency", "devise", "monnaie", "vola"],
  stock: ["stock", "quantite", "qty", "qte", "quantity", "tahiry"],
  image: ["image", "photo", "image url", "image_url", "sary"],
  category: ["category", "categorie", "famille", "rayon", "sokajy"],
  active: ["active", "actif", "enabled", "available", "disponible"],
  synonyms: ["synonyms", "synonymes", "aliases", "mots cles", "keywords"],
};

const headerKey = (text: string) =>
  foldText(text)
    .replace(/[\s_-]+/g, " ")
    .trim();

/** Per-language title columns: "title_mg", "titre mg", "nom (en)" → language code. */
const TITLE_LANGUAGE = /^(?:title|titre|nom|name) \(?([a-z]{2})\)?$/;

export interface HeaderMapping {
  /** column index → field, or `title:<lang>` for a per-language title. */
  columns: Map<number, ProductField | `title:${string}`>;
  errors: string[];
}

/**
 * Which column holds which field. `overrides` maps a header as written to a field name (for
 * headers the aliases do not know). The sku, title and price columns are required.
 */
export function mapHeaders(header: string[], overrides: Record<string, string> = {}): HeaderMapping {
  const columns = new Map<number, ProductField | `title:${string}`>();
  const errors: string[] = [];
  const taken = new Map<string, string>();
  const overrideKeys = new Map(Object.entries(overrides).map(([k, v]) => [headerKey(k), v]));
  header.forEach((raw, index) => {
    const key = headerKey(raw);
    if (key === "") return;
    const wanted = overrideKeys.get(key);
    let field: ProductField | `title:${string}` | undefined;
    if (wanted !== undefined) {
      const language = /^title:([a-z]{2})$/.exec(wanted)?.[1];
      if ((PRODUCT_FIELDS as readonly string[]).includes(wanted)) field = wanted as ProductField;
      else if (language) field = `title:${language}`;
      else errors.push(`mapping for "${raw}": unknown field "${wanted}" (fields: ${PRODUCT_FIELDS.join(", ")})`);
    } else {
      const language = TITLE_LANGUAGE.exec(key)?.[1];
      field = language
        ? `title:${language}`
        : PRODUCT_FIELDS.find((f) => HEADER_ALIASES[f].some((alias) => headerKey(alias) === key));
    }
    if (!field) return;
    const before = taken.get(field);
    if (before !== undefined) {
      errors.push(`columns "${before}" and "${raw}" both hold ${field}`);
      return;
    }
    taken.set(field, raw);
    columns.set(index, field);
  });
  for (const required of ["sku", "title", "price"] as const) {
    if (!taken.has(required)) {
      errors.push(`no ${required} column (accepted headers: ${HEADER_ALIASES[required].join(", ")})`);
    }
  }
  return { columns, errors };
}

export type RowVerdict =
  | { line: number; sku: string; values: ProductValues }
  | { line: number; sku: string; error: string };

const YES = new Set(["", "1", "yes", "oui", "true", "vrai", "eny", "x"]);
const NO = new Set(["0", "no", "non", "false", "faux", "tsia"]);
const CONTROL = /\p{Cc}/u;

/** Checks one product's values, whatever surface they came from; returns the first problem. */
export function checkProductValues(values: ProductValues): string | null {
  if (values.sku === "" || values.sku.length > 64 || CONTROL.test(values.sku)) {
    return "sku must be 1 to 64 printable characters";
  }
  if (values.title === "" || values.title.length > 200) return "title must be 1 to 200 characters";
  if (!isCurrency(values.currency)) return `currency "${values.currency}" is not an ISO 4217 code`;
  if (!Number.isSafeInteger(values.priceMinor) || values.priceMinor < 0) return "price must be a positive amount";
  if (values.stock !== null && (!Number.isSafeInteger(values.stock) || values.stock < 0)) {
    return "stock must be a whole number, 0 or more";
  }
  if (values.imageUrl !== null && !/^https?:\/\/\S+$/.test(values.imageUrl)) return "image must be an http(s) URL";
  if ((values.description ?? "").length > 5000) return "description is longer than 5000 characters";
  if (values.synonyms.some((s) => s.length > 100) || values.synonyms.length > 50) {
    return "synonyms: at most 50, each up to 100 characters";
  }
  return null;
}

function rowValues(
  cells: string[],
  columns: HeaderMapping["columns"],
  defaultCurrency: string,
): ProductValues | string {
  const get = (field: ProductField) => {
    for (const [index, f] of columns) if (f === field) return (cells[index] ?? "").trim();
    return "";
  };
  const titles: Record<string, string> = {};
  for (const [index, f] of columns) {
    const text = (cells[index] ?? "").trim();
    if (f.startsWith("title:") && text !== "") titles[f.slice(6)] = text;
  }
  const currency = (get("currency") || defaultCurrency).toUpperCase();
  if (!isCurrency(currency)) return `currency "${currency}" is not an ISO 4217 code`;
  const price = parsePrice(get("price"), currency);
  if (!price.ok) return price.reason;
  const stockText = get("stock");
  let stock: number | null = null;
  if (stockText !== "") {
    if (!/^\d{1,12}$/.test(stockText)) return `stock "${stockText}" is not a whole number`;
    stock = Number(stockText);
  }
  const activeText = foldText(get("active"));
  if (!YES.has(activeText) && !NO.has(activeText)) return `active "${get("active")}" is not yes or no`;
  const values: ProductValues = {
    sku: get("sku"),
    title: get("title"),
    titles,
    description: get("description") || null,
    priceMinor: price.minor,
    currency,
    stock,
    imageUrl: get("image") || null,
    category: get("category") || null,
    active: YES.has(activeText),
    synonyms: get("synonyms")
      .split(/[|;,]/)
      .map((s) => s.trim())
      .filter(Boolean),
  };
  return checkProductValues(values) ?? values;
}

/**
 * A verdict per data row (`line` is the line in the file, the header being line 1). A sku seen
 * twice rejects its later rows: which price holds would otherwise depend on row order.
 */
export function readProductRows(rows: string[][], mapping: HeaderMapping, defaultCurrency: string): RowVerdict[] {
  const firstLine = new Map<string, number>();
  return rows.map((cells, i) => {
    const line = i + 2;
    const result = rowValues(cells, mapping.columns, defaultCurrency);
    if (typeof result === "string") {
      let sku = "";
      for (const [index, f] of mapping.columns) if (f === "sku") sku = (cells[index] ?? "").trim();
      return { line, sku, error: result };
    }
    const seen = firstLine.get(result.sku);
    if (seen !== undefined) return { line, sku: result.sku, error: `sku ${result.sku} repeats line ${seen}` };
    firstLine.set(result.sku, line);
    return { line, sku: result.sku, values: result };
  });
}
