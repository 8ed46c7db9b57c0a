import { foldText } from "../text/text.js";
import type { TriageCategory } from "./categories.js";
import type { IntentRule } from "./signals.js";
import type { TriageResult } from "./triage.js";

/**
 * An app's own categories: their signal words become keyword rules beside the built-in ones, and
 * the app's confidence threshold decides when triage's pick is not trusted.
 */

// Word edges by lookaround: `\b` would need a word character at a signal's own edge ("c++").
const NOT_AFTER_WORD = "(?<![\\p{L}\\p{N}])";
const NOT_BEFORE_WORD = "(?![\\p{L}\\p{N}])";
const escapeLiteral = (literal: string) => literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * One rule per category with signals. Literals only (escaped), joined in one alternation, so
 * matching stays linear in the message whatever an admin types. An extension matches as a
 * file-name suffix, a word or phrase as whole words.
 */
export function signalRules(categories: readonly TriageCategory[]): IntentRule[] {
  return categories.flatMap((category) => {
    const alternatives = (category.signals ?? [])
      .map((signal) => foldText(signal.trim()))
      .filter((signal) => signal.length > 0)
      .map((signal) => `${signal.startsWith(".") ? "" : NOT_AFTER_WORD}${escapeLiteral(signal)}${NOT_BEFORE_WORD}`);
    if (alternatives.length === 0) return [];
    const pattern = new RegExp(alternatives.join("|"), "u");
    return [{ intent: category.name, category: category.name, pattern, decisive: true }];
  });
}

export interface ConfidencePolicy {
  /** Below this confidence triage's category is not trusted. */
  threshold: number;
  /** The category to use then; without one a person decides. */
  fallbackCategory: string | null;
}

/** Applies an app's threshold to any triage (offline or a model's); rule verdicts stand. */
export function applyConfidencePolicy(result: TriageResult, policy: ConfidencePolicy): TriageResult {
  if (result.automated || result.spam || result.confidence >= policy.threshold) return result;
  const below = `confidence ${result.confidence.toFixed(2)} below the app's threshold ${policy.threshold.toFixed(2)}`;
  if (policy.fallbackCategory) {
    return {
      ...result,
      category: policy.fallbackCategory,
      intent: policy.fallbackCategory,
      reasons: [...result.reasons, `${below}: fallback ${policy.fallbackCategory} (was ${result.category})`],
    };
  }
  return { ...result, needsHuman: true, reasons: [...result.reasons, `${below}: a person decides`] };
}
