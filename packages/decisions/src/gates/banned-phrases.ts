import { foldText } from "../text/text.js";
import { type GateResult, gateResult } from "./gate.js";

/** Phrases an app never wants said (per app). Matched on folded text so accents and case do not dodge it. */
export function bannedPhrasesGate(text: string, bannedPhrases: readonly string[]): GateResult {
  const folded = ` ${foldText(text).replace(/\s+/g, " ")} `;
  const findings = bannedPhrases.filter((phrase) => {
    const needle = foldText(phrase).trim().replace(/\s+/g, " ");
    return (
      needle.length > 0 && new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(needle)}($|[^\\p{L}\\p{N}])`, "u").test(folded)
    );
  });
  return gateResult("banned_phrases", findings, (f) => `banned phrase${f.length > 1 ? "s" : ""}: ${f.join(", ")}`);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
