/**
 * Personal data is removed from resolved conversations before they become knowledge: what a
 * past customer wrote must never reach another customer's draft. Placeholders keep the sentence
 * readable ("write to [email]").
 */
// Bounded by the RFC 5321 lengths: unbounded runs made every start position scan to the end of
// the text, quadratic on long words (ADR 0102).
const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,63}/g;
// 13 to 19 digits, optionally grouped by spaces or dashes; kept only when the Luhn check passes.
const CARD = /\b\d(?:[ -]?\d){12,18}\b/g;
// International or local numbers of 7 to 15 digits with the usual separators.
const PHONE = /(?<![\w.])(?:(?:\+|00)\d{1,3}[ .-]?)?\(?\d{1,4}\)?(?:[ .-]?\d{2,4}){2,4}(?!\w)/g;
const STREET_TYPES =
  "street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|way|court|ct|place|pl|square|sq|terrace|highway|hwy|rue|allée|chemin|impasse|quai|cours|bd";
const ADDRESS_EN = new RegExp(
  `\\b\\d{1,5}[a-z]?,?\\s+(?:[A-Z][\\w'-]*\\s+){0,4}(?:${STREET_TYPES})\\b\\.?(?:,?\\s+(?:apt|suite|unit)\\.?\\s*\\w+)?`,
  "gi",
);
const ADDRESS_FR = new RegExp(
  `\\b\\d{1,5}(?:\\s?(?:bis|ter))?,?\\s+(?:${STREET_TYPES})\\s+(?:[\\w'-]+\\s?){1,5}`,
  "gi",
);

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function redactPii(text: string): string {
  return text
    .replace(EMAIL, "[email]")
    .replace(CARD, (match) => (luhn(match.replace(/\D/g, "")) ? "[card]" : match))
    .replace(ADDRESS_FR, "[address]")
    .replace(ADDRESS_EN, "[address]")
    .replace(PHONE, (match) => {
      const digits = match.replace(/\D/g, "").length;
      // A long bare run of digits is an order or tracking number, not a phone written by a person.
      const bare = /^\d+$/.test(match);
      const isoDate = /^\(?\d{4}-\d{2}-\d{2}$/.test(match);
      return digits >= 7 && digits <= 15 && !(bare && digits > 10) && !isoDate ? "[phone]" : match;
    });
}
