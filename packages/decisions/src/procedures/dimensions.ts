/**
 * Dimensions as customers write them: "1,20 m x 60 cm x 45 cm", "120x60x45cm", "2 by 3 m". Each
 * number may carry its own unit; a number without one takes the next unit given (or the last
 * seen), as in "120 x 60 x 45 cm". Bounded quantifiers keep the scan linear.
 */

export interface Dimensions {
  /** Each measure in centimetres, in the order written. */
  centimetres: number[];
  /** The text as the customer wrote it, for templates. */
  text: string;
}

const CM_PER: Record<string, number> = { mm: 0.1, cm: 1, m: 100 };
const MEASURE = String.raw`(\d{1,5}(?:[.,]\d{1,3})?)\s{0,3}(mm|cm|m)?`;
const SEPARATOR = String.raw`\s{0,3}(?:x|×|\*|by|sur|par)\s{0,3}`;
const DIMENSIONS = new RegExp(
  String.raw`(?<![\p{L}\p{N}])${MEASURE}${SEPARATOR}${MEASURE}(?:${SEPARATOR}${MEASURE})?(?![\p{L}\p{N}])`,
  "iu",
);

export function parseDimensions(text: string): Dimensions | null {
  const match = DIMENSIONS.exec(text);
  if (!match) return null;
  const pairs: { value: number; unit: string | undefined }[] = [];
  for (let i = 1; i < match.length; i += 2) {
    if (match[i] === undefined) continue;
    pairs.push({ value: Number((match[i] as string).replace(",", ".")), unit: match[i + 1]?.toLowerCase() });
  }
  const fallback = [...pairs].reverse().find((p) => p.unit)?.unit;
  if (!fallback) return null; // "3 x 4" alone is arithmetic, not a size
  const centimetres = pairs.map((pair, i) => {
    const unit = pair.unit ?? pairs.slice(i + 1).find((p) => p.unit)?.unit ?? fallback;
    return Math.round(pair.value * (CM_PER[unit] as number) * 100) / 100;
  });
  return { centimetres, text: match[0].trim() };
}
