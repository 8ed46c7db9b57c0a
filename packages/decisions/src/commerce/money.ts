/**
 * Money as integers of the currency's minor unit, with the number of minor digits taken from
 * `Intl` (CLDR): MGA and JPY have none, EUR has two. Prices are never floats, so totals are exact
 * to the ariary (or the cent).
 */

export type MoneyLanguage = "fr" | "mg" | "en";

const KNOWN_CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

/** Whether `code` is an ISO 4217 currency the runtime knows. */
export function isCurrency(code: string): boolean {
  return KNOWN_CURRENCIES.has(code);
}

// Building an Intl formatter costs far more than a price check: one per currency, kept.
const DIGITS = new Map<string, number>();

/** How many digits the currency's minor unit has (0 for MGA, 2 for EUR). */
export function currencyDigits(currency: string): number {
  const known = DIGITS.get(currency);
  if (known !== undefined) return known;
  if (!isCurrency(currency)) throw new RangeError(`unknown currency: ${currency}`);
  const digits =
    new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 0;
  DIGITS.set(currency, digits);
  return digits;
}

export type PriceParse = { ok: true; minor: number } | { ok: false; reason: string };

// Digits with optional thousands spaces (plain, no-break or narrow no-break) and one decimal mark.
const PRICE = /^(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,](\d+))?$/;

/**
 * Reads a price as written in a shop's file ("95000", "95 000", "12,50", "12.5") into minor units.
 * A negative, a non-number, or more decimals than the currency has is refused with the reason.
 */
export function parsePrice(text: string, currency: string): PriceParse {
  const trimmed = text.trim();
  if (trimmed.length === 0) return { ok: false, reason: "price is empty" };
  if (trimmed.length > 32) return { ok: false, reason: "price is too long" };
  const match = PRICE.exec(trimmed);
  if (!match) return { ok: false, reason: `price "${trimmed}" is not a number` };
  const digits = currencyDigits(currency);
  const whole = (match[1] ?? "").replace(/[ \u00a0\u202f]/g, "");
  const fraction = match[2] ?? "";
  if (fraction.length > digits) {
    return {
      ok: false,
      reason:
        digits === 0
          ? `price "${trimmed}": ${currency} has no minor unit`
          : `price "${trimmed}": ${currency} has ${digits} decimals at most`,
    };
  }
  const minor = Number(whole + fraction.padEnd(digits, "0"));
  if (!Number.isSafeInteger(minor)) return { ok: false, reason: `price "${trimmed}" is too large` };
  return { ok: true, minor };
}

// Customers in Madagascar write amounts the French way in all three languages ("95 000 Ar"); the
// CLDR Malagasy locale would give "Ar 95,000", which shops do not use.
const LOCALE: Record<MoneyLanguage, string> = { fr: "fr-MG", mg: "fr-MG", en: "en-MG" };

/**
 * Formats minor units for a customer: "95 000 Ar", "1 234 567 Ar" (fr/mg), "Ar 95,000" (en).
 * Separators become plain spaces so the amount reads the same in every client and template.
 */
export function formatMoney(minor: number, currency: string, language: MoneyLanguage): string {
  const digits = currencyDigits(currency);
  const text = new Intl.NumberFormat(LOCALE[language], {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(minor / 10 ** digits);
  return text.replace(/[\u00a0\u202f]/g, " ");
}
