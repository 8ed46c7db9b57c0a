import { foldText } from "../text/text.js";
import { type GateResult, gateResult } from "./gate.js";

/**
 * The drafter may not invent facts a customer would hold us to: prices and amounts, percentages,
 * durations, dates and guarantees must appear in a cited passage or in the customer's data.
 * Numbers are compared by value ("19,99" = "19.99", "1,000" = "1000"); units may be phrased freely.
 */

const MONTHS =
  "january|february|march|april|may|june|july|august|september|october|november|december|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|januar|februar|marz|juni|juli|oktober|dezember|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|janeiro|fevereiro|marco|maio|junho|julho|setembro|outubro|novembro|dezembro";
const UNITS =
  "minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|jours?|heures?|semaines?|mois|ans?|dias|horas?|semanas?|meses|anos?|tagen?|stunden?|wochen?|monaten?|jahren?|giorni|ore|settimane|mesi|anni|andro|ora|herinandro|volana|taona";

const CLAIMS: [kind: string, pattern: RegExp][] = [
  [
    "amount",
    /(?:[$€£¥]|\b(?:usd|eur|gbp|mga|chf)\s?)\s?\d[\d.,]*|\d[\d.,]*\s?(?:€|\$|£|euros?\b|dollars?\b|usd\b|eur\b|gbp\b|ariary\b|mga\b|ar\b)/gi,
  ],
  [
    "percentage",
    /\d+(?:[.,]\d+)?\s?%|\d+(?:[.,]\d+)? (?:percent|per cent|pour cent|por ciento|prozent|por cento|per cento)\b/gi,
  ],
  [
    "duration",
    new RegExp(
      `\\b\\d+(?:[.,]\\d+)?(?:\\s?(?:-|to|a|à)\\s?\\d+)?\\s?(?:business |working |ouvres |ouvrables |habiles )?(?:${UNITS})\\b`,
      "gi",
    ),
  ],
  [
    "date",
    new RegExp(
      `\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}\\b|\\b\\d{1,2}(?:st|nd|rd|th|er)?\\s+(?:de\\s+)?(?:${MONTHS})\\b|\\b(?:${MONTHS})\\s+\\d{1,2}(?:st|nd|rd|th)?\\b`,
      "gi",
    ),
  ],
  [
    "guarantee",
    /\b(?:guarantee[sd]?|we promise|i promise|promise you|definitely will|will definitely|garanti[es]?|garantizad[oa]s?|garantizamos|garantiert|garantiere[n]?|garantito|garantiamo|garantido|garantimos|miantoka)\b/gi,
  ],
];

/**
 * Each number as its possible values: "1,250" may be 1250 or 1.25 depending on the writer's
 * locale, "19,99" is 19.99, "1.250.000" is 1250000, and "12.03.2026" is a date of three numbers.
 */
function numbersIn(text: string): string[][] {
  return (text.match(/\d+(?:[.,]\d+)*/g) ?? []).flatMap((raw) => {
    const parts = raw.split(/[.,]/);
    const value = (s: string) => String(Number(s));
    if (parts.length === 1) return [[value(raw)]];
    if (parts.length === 2) {
      const decimal = value(`${parts[0]}.${parts[1]}`);
      return [(parts[1] as string).length === 3 ? [value(parts.join("")), decimal] : [decimal]];
    }
    if (parts.slice(1).every((p) => p.length === 3) && (parts[0] as string).length <= 3)
      return [[value(parts.join(""))]];
    return parts.map((p) => [value(p)]);
  });
}

export function unsupportedClaimsGate(text: string, sources: readonly string[]): GateResult {
  const sourceText = foldText(sources.join("\n"));
  const sourceNumbers = new Set(numbersIn(sourceText).flat());
  const findings: string[] = [];
  const seen = new Set<string>();
  for (const [kind, pattern] of CLAIMS) {
    for (const match of foldText(text).matchAll(pattern)) {
      const claim = match[0].trim();
      if (seen.has(claim)) continue;
      seen.add(claim);
      const numbers = numbersIn(claim);
      const month = claim.match(new RegExp(MONTHS))?.[0];
      const supported =
        kind === "guarantee"
          ? sourceText.includes(claim.replace(/^(we|i) /, "").slice(0, 6))
          : numbers.every((candidates) => candidates.some((n) => sourceNumbers.has(n))) &&
            (!month || sourceText.includes(month));
      if (!supported) findings.push(`${kind} "${claim}"`);
    }
  }
  return gateResult(
    "unsupported_claims",
    findings,
    (f) => `not found in the cited passages or customer data: ${f.join(", ")}`,
  );
}
