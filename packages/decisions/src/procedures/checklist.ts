import { type Extracted, type FieldSpec, fieldPresent, type LocalizedText } from "./extract.js";

/** "a photo or a plan" in the customer's language; English when a language has no word here. */
const OR: Record<string, string> = { en: "or", fr: "ou", mg: "na" };
const AND: Record<string, string> = { en: "and", fr: "et", mg: "sy" };

export const localized = (text: LocalizedText, language: string, fallback: string): string =>
  text[language] ?? text[fallback] ?? (Object.values(text)[0] as string);

/** The checklist groups nothing satisfies yet, each as the labels of its alternatives. */
export function missingItems(
  checklist: readonly { anyOf: string[] }[],
  fields: readonly FieldSpec[],
  extracted: Extracted,
): FieldSpec[][] {
  const byName = new Map(fields.map((f) => [f.name, f]));
  return checklist
    .map((item) => item.anyOf.map((name) => byName.get(name)).filter((f): f is FieldSpec => f !== undefined))
    .filter((group) => !group.some((field) => fieldPresent(field, extracted)));
}

/** Exactly what is missing, as one phrase: "une photo de l'objet ou un plan de l'objet et ses dimensions". */
export function describeMissing(groups: readonly FieldSpec[][], language: string, fallback: string): string {
  const or = ` ${OR[language] ?? OR.en} `;
  const phrases = groups.map((group) => group.map((f) => localized(f.label, language, fallback)).join(or));
  if (phrases.length <= 1) return phrases[0] ?? "";
  return `${phrases.slice(0, -1).join(", ")} ${AND[language] ?? AND.en} ${phrases.at(-1)}`;
}
