import { actionClaimsGate } from "./action-claims.js";
import { bannedPhrasesGate } from "./banned-phrases.js";
import { citationsGate } from "./citations.js";
import type { GateResult } from "./gate.js";
import { internalStateGate } from "./internal-state.js";
import { languageGate } from "./language.js";
import { DEFAULT_LENGTH_BOUNDS, type LengthBounds, lengthGate } from "./length.js";
import { repeatGate } from "./repeat.js";
import { unsupportedClaimsGate } from "./unsupported-claims.js";

export * from "./action-claims.js";
export * from "./banned-phrases.js";
export * from "./citations.js";
export * from "./gate.js";
export * from "./internal-state.js";
export * from "./language.js";
export * from "./length.js";
export * from "./repeat.js";
export * from "./unsupported-claims.js";

export interface GateInput {
  text: string;
  citedPassageIds: readonly string[];
  /** Only the passages the draft cites support its claims. */
  passages: readonly { id: string; text: string }[];
  /** The customer's data from the product app (purchases, plan ...), as text. */
  customerData: readonly string[];
  customerLanguage: string;
  bannedPhrases: readonly string[];
  earlierReplies: readonly string[];
  length?: LengthBounds;
  /** Actions executed in this conversation or proposed with the draft: the only ones it may claim. */
  actions?: readonly string[];
}

/** Every gate, always all of them, so the approver sees each failure and not only the first. */
export function runGates(input: GateInput): GateResult[] {
  const cited = new Set(input.citedPassageIds);
  const sources = [...input.passages.filter((p) => cited.has(p.id)).map((p) => p.text), ...input.customerData];
  return [
    internalStateGate(input.text),
    bannedPhrasesGate(input.text, input.bannedPhrases),
    unsupportedClaimsGate(input.text, sources),
    citationsGate(
      input.citedPassageIds,
      input.passages.map((p) => p.id),
    ),
    lengthGate(input.text, input.length ?? DEFAULT_LENGTH_BOUNDS),
    languageGate(input.text, input.customerLanguage),
    repeatGate(input.text, input.earlierReplies),
    actionClaimsGate(input.text, input.actions ?? []),
  ];
}

export function allGatesPassed(results: readonly GateResult[]): boolean {
  return results.every((r) => r.passed);
}
