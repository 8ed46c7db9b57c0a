import type { ProcedureDefinition } from "@support/contract";
import { type Extracted, localized, type QuoteResult, renderTemplate } from "@support/decisions";

/** What a procedure's templates may say: the customer, what is missing, the quote, each field. */
export interface TemplateState {
  customer: { email: string; name: string };
  language: string;
  missing: string;
  quote: QuoteResult | null;
  extracted: Extracted;
}

const fieldText = (value: Extracted[string]): string =>
  value.kind === "attachment" ? value.files.join(", ") : value.kind === "dimensions" ? value.value.text : value.value;

export function templateValues(definition: ProcedureDefinition, state: TemplateState): Record<string, string> {
  const out: Record<string, string> = {
    "customer.email": state.customer.email,
    "customer.name": state.customer.name,
    missing: state.missing,
  };
  const { quote } = state;
  if (quote && definition.quote) {
    out["quote.label"] = quote.label;
    if (quote.kind === "priced") {
      out["quote.amount"] = String(quote.amount);
      const unit = quote.amount === 1 ? definition.quote.unit.one : definition.quote.unit.many;
      out["quote.unit"] = localized(unit, state.language, definition.defaultLanguage);
    }
  }
  for (const [name, value] of Object.entries(state.extracted)) out[`fields.${name}`] = fieldText(value);
  return out;
}

/** A template of the definition in the customer's language, filled in. */
export const renderProcedureTemplate = (definition: ProcedureDefinition, name: string, state: TemplateState): string =>
  renderTemplate(
    definition.templates[name] ?? {},
    state.language,
    definition.defaultLanguage,
    templateValues(definition, state),
  );

/** A title written with placeholders (a task's), filled in the same way. */
export const renderProcedureText = (definition: ProcedureDefinition, text: string, state: TemplateState): string =>
  renderTemplate({ text }, "text", "text", templateValues(definition, state));
