import { localized } from "./checklist.js";
import type { LocalizedText } from "./extract.js";

/**
 * A template in the customer's language (else the definition's default), with `{{name}}`
 * replaced from `values`; one pass over the text, an unknown name left as it is.
 */
export function renderTemplate(
  text: LocalizedText,
  language: string,
  defaultLanguage: string,
  values: Record<string, string>,
): string {
  return localized(text, language, defaultLanguage).replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? (values[name] as string) : whole,
  );
}
