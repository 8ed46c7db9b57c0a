import { foldText } from "../text/text.js";
import { type Dimensions, parseDimensions } from "./dimensions.js";

/**
 * The fields a procedure extracts from a customer's messages, by kind. Structural types, so the
 * contract's definitions fit without this package depending on it.
 */

export type LocalizedText = Record<string, string>;
export type FieldSpec =
  | { name: string; kind: "attachment"; label: LocalizedText; accept: string[]; min: number }
  | { name: string; kind: "dimensions"; label: LocalizedText }
  | { name: string; kind: "choice"; label: LocalizedText; options: { value: string; words: string[] }[] };

export interface IncomingAttachment {
  name?: string;
  contentType?: string;
}

export type FieldValue =
  | { kind: "attachment"; files: string[] }
  | { kind: "dimensions"; value: Dimensions }
  | { kind: "choice"; value: string };
export type Extracted = Record<string, FieldValue>;

const accepts = (accept: readonly string[], file: IncomingAttachment) => {
  const name = (file.name ?? "").toLowerCase();
  const type = (file.contentType ?? "").toLowerCase();
  return accept.some((a) => {
    const rule = a.toLowerCase();
    return rule.startsWith(".") ? name.endsWith(rule) : type.startsWith(rule);
  });
};

const wordPattern = (words: readonly string[]) => {
  const alternatives = words.map((w) => foldText(w.trim()).replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, "u");
};

/**
 * What one message adds to what earlier messages gave: attachments accumulate (each file once),
 * a later dimensions or choice replaces an earlier one (the customer corrected it).
 */
export function extractFields(
  fields: readonly FieldSpec[],
  message: { text: string; attachments?: IncomingAttachment[] },
  earlier: Extracted = {},
): Extracted {
  const out: Extracted = { ...earlier };
  const folded = foldText(message.text);
  for (const field of fields) {
    if (field.kind === "attachment") {
      const files = (message.attachments ?? []).filter((a) => accepts(field.accept, a)).map((a) => a.name ?? "file");
      const before = earlier[field.name];
      const known = before?.kind === "attachment" ? before.files : [];
      const all = [...new Set([...known, ...files])];
      if (all.length > 0) out[field.name] = { kind: "attachment", files: all };
    } else if (field.kind === "dimensions") {
      const value = parseDimensions(message.text);
      if (value) out[field.name] = { kind: "dimensions", value };
    } else {
      const option = field.options.find((o) => wordPattern(o.words).test(folded));
      if (option) out[field.name] = { kind: "choice", value: option.value };
    }
  }
  return out;
}

/** Whether a field is satisfied: enough files, or any value. */
export function fieldPresent(field: FieldSpec, extracted: Extracted): boolean {
  const value = extracted[field.name];
  if (!value) return false;
  return field.kind === "attachment" && value.kind === "attachment" ? value.files.length >= field.min : true;
}
