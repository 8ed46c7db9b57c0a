import type { Extracted } from "./extract.js";

/** A grid's rule: every `when` condition names a choice field and the option it must have. */
export interface QuoteRule {
  when: Record<string, string>;
  amount: number | null;
  label: string;
}

export type QuoteResult = { kind: "priced"; amount: number; label: string } | { kind: "handoff"; label: string };

/** The first rule whose conditions all hold; an `amount: null` rule hands the case to a person. */
export function quoteFromGrid(rules: readonly QuoteRule[], extracted: Extracted): QuoteResult | null {
  const rule = rules.find((r) =>
    Object.entries(r.when).every(([name, value]) => {
      const field = extracted[name];
      return field?.kind === "choice" && field.value === value;
    }),
  );
  if (!rule) return null;
  return rule.amount === null
    ? { kind: "handoff", label: rule.label }
    : { kind: "priced", amount: rule.amount, label: rule.label };
}
